public import AuthLabJOSE
import AuthLabRedis

/// Every setting of the server, with every default in one place.
///
/// The CLI fills it from flags, then `AUTHLAB_*` variables, then these defaults;
/// `validate()` runs once at start-up.
public struct AppConfig: Sendable {
    /// Address to bind. Loopback unless the operator says otherwise.
    public var host = "127.0.0.1"
    /// TCP port; 0 asks the OS for a free one.
    public var port = 8080
    /// SQLite file, created and migrated on start.
    public var databasePath = "./authlab.sqlite"
    /// MHD serving threads (0: one per core).
    public var threads = 0
    /// Algorithm of the key generated when no key file is given.
    public var jwtAlgorithm: JWSAlgorithm = .hs256
    /// A JWK Set (or PEM) file of private keys: the first signs, all verify.
    public var jwtKeyFile: String?
    /// Access-token lifetime in seconds (15 minutes).
    public var accessTTL: Int64 = 900
    /// Refresh-token lifetime in seconds (7 days).
    public var refreshTTL: Int64 = 7 * 86_400
    /// Absolute session lifetime in seconds (24 hours).
    public var sessionTTL: Int64 = 86_400
    /// Idle session lifetime in seconds (30 minutes without a request ends a session).
    public var sessionIdleTTL: Int64 = 1_800
    /// Write `last_seen_at` on every session request (the sliding-expiry cost; off by default).
    public var sessionTouchEveryRequest = false
    /// Clock-skew leeway for `exp`, `nbf` and `iat`, in seconds.
    public var leeway: Int64 = 30
    /// Origins allowed to call `/session/*` with credentials.
    public var allowedOrigins: [String] = []
    /// Add `Secure` to the session cookie.
    public var secureCookies = false
    /// Check `jti` against a deny-list on every `/jwt/me` (a database query).
    public var jwtDenylist = false
    /// Where sessions, refresh-token families and the deny-list live: `sqlite` (the
    /// `--db` file) or `redis://HOST[:PORT][/DB]`. Users stay in SQLite either way.
    public var sessionStore = "sqlite"
    /// Prefix of every Redis key, so that several deployments can share one Redis.
    public var redisKeyPrefix = "authlab:"
    /// Longest wait for a TCP connection to Redis.
    public var redisConnectTimeout: Duration = .milliseconds(200)
    /// Longest wait for a Redis reply; past it the request answers 503.
    public var redisCommandTimeout: Duration = .milliseconds(500)
    /// `iss` of the tokens this server signs, and the only one it accepts.
    public var issuer = "authlab"
    /// `aud` of the tokens this server signs, and the only one it accepts.
    public var audience = "authlab"
    /// Argon2id memory cost in KiB (OWASP: 19456).
    public var argon2MemoryKiB: UInt32 = 19_456
    /// Argon2id passes (OWASP: 2).
    public var argon2Iterations: UInt32 = 2
    /// Argon2id lanes (OWASP: 1).
    public var argon2Parallelism: UInt32 = 1
    /// Threads that run password hashes (0: one per core).
    public var hashWorkers = 0
    /// Hash jobs allowed to wait; beyond that logins answer 503.
    public var hashQueueLimit = 64
    /// Failed logins per username within `throttleWindow` before 429.
    public var throttleUsernameLimit = 5
    /// Failed logins per client address within `throttleWindow` before 429.
    public var throttleClientLimit = 20
    /// Window of the login throttle, in seconds.
    public var throttleWindow: Int64 = 300
    /// Seconds between purges of expired rows.
    public var purgeInterval: Int64 = 60
    /// One access-log line per request on stderr.
    public var accessLog = true

    /// The defaults.
    public init() {}

    /// Checks the values that flags and variables cannot check one by one.
    public func validate() throws(ConfigError) {
        guard (0...65_535).contains(port) else { throw ConfigError("port must be 0-65535") }
        guard accessTTL > 0, refreshTTL > 0, sessionTTL > 0, sessionIdleTTL > 0 else {
            throw ConfigError("lifetimes must be positive numbers of seconds")
        }
        guard leeway >= 0, leeway <= 600 else { throw ConfigError("leeway must be 0-600 seconds") }
        guard argon2MemoryKiB >= 8, argon2Iterations >= 1, argon2Parallelism >= 1 else {
            throw ConfigError("Argon2 needs memory >= 8 KiB, iterations >= 1, parallelism >= 1")
        }
        _ = try redisEndpoint()
        guard !redisKeyPrefix.isEmpty, !redisKeyPrefix.contains(where: \.isWhitespace) else {
            throw ConfigError("the Redis key prefix must be non-empty, without spaces")
        }
        for origin in allowedOrigins where origin == "*" || !origin.contains("://") {
            throw ConfigError(
                "--allowed-origin takes a full origin such as http://localhost:3000, never '*'")
        }
    }
}

extension AppConfig {
    /// The Redis server of `sessionStore`, or `nil` for SQLite.
    func redisEndpoint() throws(ConfigError) -> RedisEndpoint? {
        guard sessionStore != "sqlite" else { return nil }
        do {
            return try RedisEndpoint(url: sessionStore)
        } catch {
            throw ConfigError(
                "--session-store takes sqlite or redis://HOST[:PORT][/DB]: \(error.description)")
        }
    }
}

/// A configuration value that cannot work, with a sentence saying why.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, for the operator.
    public let description: String

    init(_ description: String) { self.description = description }
}
