// swift-tools-version:6.0
import PackageDescription

// libFuzzer entry points for authlab, kept out of the product build: one executable per
// target, built by `scripts/fuzz` with `-sanitize=fuzzer,address`. `authlab` is a committed
// symlink to the repository root, so the dependency's identity is `authlab` whatever the
// checkout directory is called.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// gold, the default linker here, fails on the fuzzer runtime; the toolchain's lld does not.
let linkerSettings: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld"])]

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: "authlab") },
        swiftSettings: swiftSettings, linkerSettings: linkerSettings)
}

let package = Package(
    name: "authlab-fuzz",
    dependencies: [.package(path: "authlab")],
    targets: [
        .systemLibrary(name: "CLibFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CLibFuzzer", .product(name: "AuthLabCrypto", package: "authlab")],
            swiftSettings: swiftSettings),
        fuzzTarget("FuzzToken", ["AuthLabJOSE", "AuthLabJSON", "AuthLabCrypto"]),
        fuzzTarget("FuzzJWK", ["AuthLabJOSE", "AuthLabJSON"]),
        fuzzTarget("FuzzPEM", ["AuthLabJOSE", "AuthLabCrypto"]),
        fuzzTarget("FuzzJSON", ["AuthLabJSON"]),
        fuzzTarget("FuzzHTTP", ["AuthLabHTTP"]),
    ]
)
