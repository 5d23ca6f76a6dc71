// swift-tools-version:6.0
import PackageDescription

// Settings shared by every Swift target: Swift 6 language mode (strict
// concurrency), existential `any` spelled out, and internal imports by default
// so that no C type leaks out of the module that wraps it.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "authlab",
    products: [
        .executable(name: "authlab", targets: ["authlab"]),
        // Libraries for the fuzz package in Fuzz/ (a separate package that depends on this one).
        .library(name: "AuthLabCrypto", targets: ["AuthLabCrypto"]),
        .library(name: "AuthLabJSON", targets: ["AuthLabJSON"]),
        .library(name: "AuthLabJOSE", targets: ["AuthLabJOSE"]),
        .library(name: "AuthLabHTTP", targets: ["AuthLabHTTP"]),
    ],
    targets: [
        // Thin C modules: a module map and a shim header each, from Debian packages.
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CMicroHTTPD", pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(
            name: "CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        // No pkgConfig: hiredis.pc adds -D_FILE_OFFSET_BITS=64, which SwiftPM prints a
        // "prohibited flag" warning for on every build; shim.h includes
        // <hiredis/hiredis.h> from /usr/include and the module map links -lhiredis.
        .systemLibrary(name: "CHiredis", providers: [.apt(["libhiredis-dev"])]),

        // Swift libraries, each the only importer of its C module.
        .target(name: "AuthLabSQLite", dependencies: ["CSQLite"], swiftSettings: swiftSettings),
        .target(
            name: "AuthLabCrypto", dependencies: ["COpenSSL", "CArgon2"],
            swiftSettings: swiftSettings),
        .target(name: "AuthLabJSON", swiftSettings: swiftSettings),
        .target(
            name: "AuthLabJOSE", dependencies: ["AuthLabCrypto", "AuthLabJSON"],
            swiftSettings: swiftSettings),
        .target(
            name: "AuthLabHTTP", dependencies: ["CMicroHTTPD", "AuthLabJSON"],
            swiftSettings: swiftSettings),
        .target(name: "AuthLabCLI", swiftSettings: swiftSettings),
        .target(name: "AuthLabRedis", dependencies: ["CHiredis"], swiftSettings: swiftSettings),
        .target(
            name: "AuthLab",
            dependencies: [
                "AuthLabSQLite", "AuthLabCrypto", "AuthLabJSON", "AuthLabJOSE", "AuthLabHTTP",
                "AuthLabRedis",
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "authlab", dependencies: ["AuthLab", "AuthLabCLI", "AuthLabJOSE", "AuthLabJSON"],
            swiftSettings: swiftSettings),

        .testTarget(
            name: "AuthLabSQLiteTests", dependencies: ["AuthLabSQLite"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthLabCryptoTests", dependencies: ["AuthLabCrypto"],
            resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthLabJSONTests", dependencies: ["AuthLabJSON"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthLabJOSETests",
            dependencies: ["AuthLabJOSE", "AuthLabCrypto", "AuthLabJSON"],
            resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthLabHTTPTests", dependencies: ["AuthLabHTTP"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthLabRedisTests",
            dependencies: ["AuthLabRedis", "AuthLab", "AuthLabHTTP", "AuthLabJSON"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthLabCLITests", dependencies: ["AuthLabCLI"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthLabTests",
            dependencies: [
                "AuthLab", "AuthLabHTTP", "AuthLabJOSE", "AuthLabJSON", "AuthLabSQLite",
            ],
            swiftSettings: swiftSettings),
    ]
)
