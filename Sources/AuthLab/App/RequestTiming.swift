/// What one request spent on authentication and on the database.
///
/// The Server-Timing middleware turns it into the `Server-Timing` header, so that
/// `curl -i` and the browser's devtools show the cost of each scheme.
struct RequestTiming: Sendable {
    /// All time spent authenticating, password hashes included.
    var authNanos: UInt64 = 0
    /// Time inside SQLite.
    var dbNanos: UInt64 = 0
    /// Time inside Argon2id (also counted in `authNanos`).
    var hashNanos: UInt64 = 0
    /// Statements run against SQLite.
    var dbQueries = 0
    /// The scheme that authenticated the request, e.g. `session` or `jwt HS256`.
    var scheme = "none"
    /// The store touched, `sqlite` or `none`.
    var store = "none"
    /// Whether a password hash ran.
    var hashed = false

    /// Runs `body`, adding its duration to `authNanos`.
    mutating func auth<T>(_ body: (inout RequestTiming) throws -> T) rethrows -> T {
        let start = Monotonic.now()
        defer { authNanos &+= Monotonic.now() &- start }
        return try body(&self)
    }

    /// Adds one call to a store: its duration, its statements or commands, and the store's
    /// name (`sqlite`, `redis`) for the `desc` of `db`.
    mutating func addStoreCall(duration: Duration, queries: Int, store: String) {
        let (seconds, attoseconds) = duration.components
        dbNanos &+=
            UInt64(max(0, seconds)) &* 1_000_000_000
            &+ UInt64(max(0, attoseconds / 1_000_000_000))
        dbQueries += queries
        self.store = store
    }

    /// The `Server-Timing` header value (durations in milliseconds).
    var headerValue: String {
        var value = "auth;dur=\(Self.millis(authNanos));desc=\"\(scheme)\""
        value += ", db;dur=\(Self.millis(dbNanos));desc=\"\(store)\""
        if hashed { value += ", hash;dur=\(Self.millis(hashNanos));desc=\"argon2id\"" }
        return value
    }

    /// Milliseconds with microsecond precision, e.g. `0.012`.
    static func millis(_ nanos: UInt64) -> String {
        let micros = (nanos + 500) / 1_000
        let whole = micros / 1_000
        let fraction = micros % 1_000
        let padded =
            fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return "\(whole).\(padded)"
    }
}
