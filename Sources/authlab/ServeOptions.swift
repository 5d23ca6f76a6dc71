import AuthLab
import AuthLabCLI
import AuthLabJOSE

/// The options of `authlab serve` and how they fill an `AppConfig`.
enum ServeOptions {
    static let defaults = AppConfig()

    static let specs: [OptionSpec] = [
        OptionSpec(
            long: "host", valueName: "address", help: "Address to bind.", env: "AUTHLAB_HOST",
            defaultValue: defaults.host),
        OptionSpec(
            long: "port", short: "p", valueName: "port",
            help: "Port to listen on (0: any free port).", env: "AUTHLAB_PORT",
            defaultValue: String(defaults.port)),
        OptionSpec(
            long: "db", valueName: "path", help: "SQLite database, created and migrated on start.",
            env: "AUTHLAB_DB", defaultValue: defaults.databasePath),
        OptionSpec(
            long: "threads", valueName: "n", help: "HTTP serving threads (0: one per core).",
            env: "AUTHLAB_THREADS", defaultValue: "0"),
        OptionSpec(
            long: "jwt-alg", valueName: "alg",
            help:
                "Algorithm of the generated signing key: HS256, HS384, HS512, RS256, PS256, ES256, EdDSA.",
            env: "AUTHLAB_JWT_ALG", defaultValue: defaults.jwtAlgorithm.rawValue),
        OptionSpec(
            long: "jwt-key-file", valueName: "path",
            help:
                "JWK Set of private keys (the first signs, all verify), or a PEM private key used with --jwt-alg.",
            env: "AUTHLAB_JWT_KEY_FILE"),
        OptionSpec(
            long: "access-ttl", valueName: "duration", help: "Access-token lifetime.",
            env: "AUTHLAB_ACCESS_TTL", defaultValue: String(defaults.accessTTL)),
        OptionSpec(
            long: "refresh-ttl", valueName: "duration", help: "Refresh-token family lifetime.",
            env: "AUTHLAB_REFRESH_TTL", defaultValue: String(defaults.refreshTTL)),
        OptionSpec(
            long: "session-ttl", valueName: "duration", help: "Absolute session lifetime.",
            env: "AUTHLAB_SESSION_TTL", defaultValue: String(defaults.sessionTTL)),
        OptionSpec(
            long: "session-idle-ttl", valueName: "duration", help: "Idle time that ends a session.",
            env: "AUTHLAB_SESSION_IDLE_TTL", defaultValue: String(defaults.sessionIdleTTL)),
        .flag(
            long: "session-touch",
            help: "Write last_seen_at on every session request (sliding expiry; costs a write).",
            env: "AUTHLAB_SESSION_TOUCH"),
        OptionSpec(
            long: "leeway", valueName: "duration", help: "Clock-skew leeway for exp, nbf and iat.",
            env: "AUTHLAB_LEEWAY", defaultValue: String(defaults.leeway)),
        OptionSpec(
            long: "allowed-origin", valueName: "origin",
            help: "Origin allowed to call /session/* with credentials (repeatable).",
            env: "AUTHLAB_ALLOWED_ORIGIN", repeatable: true),
        .flag(
            long: "secure-cookies", help: "Add Secure to the session cookie (serve behind HTTPS).",
            env: "AUTHLAB_SECURE_COOKIES"),
        .flag(
            long: "jwt-denylist",
            help: "Check jti in SQLite on every /jwt/me, so logout revokes access tokens.",
            env: "AUTHLAB_JWT_DENYLIST"),
        OptionSpec(
            long: "session-store", valueName: "store",
            help:
                "Where sessions, refresh families and the deny-list live: sqlite (the --db file) or redis://HOST:PORT[/DB].",
            env: "AUTHLAB_SESSION_STORE", defaultValue: defaults.sessionStore),
        OptionSpec(
            long: "argon2-memory", valueName: "kib", help: "Argon2id memory cost in KiB.",
            env: "AUTHLAB_ARGON2_MEMORY", defaultValue: String(defaults.argon2MemoryKiB)),
        OptionSpec(
            long: "argon2-iterations", valueName: "n", help: "Argon2id passes.",
            env: "AUTHLAB_ARGON2_ITERATIONS", defaultValue: String(defaults.argon2Iterations)),
        OptionSpec(
            long: "argon2-parallelism", valueName: "n", help: "Argon2id lanes.",
            env: "AUTHLAB_ARGON2_PARALLELISM", defaultValue: String(defaults.argon2Parallelism)),
        OptionSpec(
            long: "hash-workers", valueName: "n",
            help: "Threads that run password hashes (0: one per core).",
            env: "AUTHLAB_HASH_WORKERS", defaultValue: "0"),
        OptionSpec(
            long: "hash-queue", valueName: "n",
            help: "Hash jobs allowed to wait before logins answer 503.", env: "AUTHLAB_HASH_QUEUE",
            defaultValue: String(defaults.hashQueueLimit)),
        OptionSpec(
            long: "throttle-username", valueName: "n",
            help: "Failed logins per username per window before 429.",
            env: "AUTHLAB_THROTTLE_USERNAME", defaultValue: String(defaults.throttleUsernameLimit)),
        OptionSpec(
            long: "throttle-client", valueName: "n",
            help: "Failed logins per client address per window before 429.",
            env: "AUTHLAB_THROTTLE_CLIENT", defaultValue: String(defaults.throttleClientLimit)),
        OptionSpec(
            long: "throttle-window", valueName: "duration", help: "Window of the login throttle.",
            env: "AUTHLAB_THROTTLE_WINDOW", defaultValue: String(defaults.throttleWindow)),
        OptionSpec(
            long: "purge-interval", valueName: "duration",
            help: "Time between purges of expired rows.", env: "AUTHLAB_PURGE_INTERVAL",
            defaultValue: String(defaults.purgeInterval)),
        .flag(
            long: "no-access-log", help: "Do not print one line per request on stderr.",
            env: "AUTHLAB_NO_ACCESS_LOG"),
    ]

    /// The configuration the arguments describe.
    static func config(from arguments: ParsedArguments) throws(ValidationError) -> AppConfig {
        var config = AppConfig()
        config.host = arguments.string("host") ?? config.host
        config.port = try arguments.int("port", in: 0...65_535) ?? config.port
        config.databasePath = arguments.string("db") ?? config.databasePath
        config.threads = try arguments.int("threads", in: 0...256) ?? config.threads
        if let name = arguments.string("jwt-alg") {
            guard let algorithm = JWSAlgorithm(rawValue: name) else {
                let known = JWSAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--jwt-alg must be one of \(known)")
            }
            config.jwtAlgorithm = algorithm
        }
        config.jwtKeyFile = arguments.string("jwt-key-file")
        config.accessTTL = try arguments.seconds("access-ttl") ?? config.accessTTL
        config.refreshTTL = try arguments.seconds("refresh-ttl") ?? config.refreshTTL
        config.sessionTTL = try arguments.seconds("session-ttl") ?? config.sessionTTL
        config.sessionIdleTTL = try arguments.seconds("session-idle-ttl") ?? config.sessionIdleTTL
        config.sessionTouchEveryRequest = arguments.flag("session-touch")
        config.leeway = try arguments.seconds("leeway") ?? config.leeway
        config.allowedOrigins = arguments.strings("allowed-origin")
        config.secureCookies = arguments.flag("secure-cookies")
        config.jwtDenylist = arguments.flag("jwt-denylist")
        config.sessionStore = arguments.string("session-store") ?? config.sessionStore
        config.argon2MemoryKiB =
            try uint32(arguments, "argon2-memory", 8...262_144) ?? config.argon2MemoryKiB
        config.argon2Iterations =
            try uint32(arguments, "argon2-iterations", 1...10) ?? config.argon2Iterations
        config.argon2Parallelism =
            try uint32(arguments, "argon2-parallelism", 1...16) ?? config.argon2Parallelism
        config.hashWorkers = try arguments.int("hash-workers", in: 0...256) ?? config.hashWorkers
        config.hashQueueLimit =
            try arguments.int("hash-queue", in: 0...100_000) ?? config.hashQueueLimit
        config.throttleUsernameLimit =
            try arguments.int("throttle-username", in: 1...1_000_000)
            ?? config.throttleUsernameLimit
        config.throttleClientLimit =
            try arguments.int("throttle-client", in: 1...1_000_000) ?? config.throttleClientLimit
        config.throttleWindow = try arguments.seconds("throttle-window") ?? config.throttleWindow
        config.purgeInterval = try arguments.seconds("purge-interval") ?? config.purgeInterval
        config.accessLog = !arguments.flag("no-access-log")
        return config
    }

    private static func uint32(
        _ arguments: ParsedArguments, _ name: String, _ range: ClosedRange<Int>
    )
        throws(ValidationError) -> UInt32?
    {
        guard let value = try arguments.int(name, in: range) else { return nil }
        return UInt32(value)
    }
}

/// A failure to start the server, phrased for the operator.
struct StartupError: Error, CustomStringConvertible {
    let description: String

    init(_ error: any Error) {
        description = "cannot start: \(error)"
    }
}
