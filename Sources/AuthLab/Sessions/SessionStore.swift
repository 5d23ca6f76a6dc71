import AuthLabCrypto

/// Server-side sessions, keyed by the SHA-256 of the cookie value, in the backend
/// that `--session-store` chose: SQLite by default, or Redis.
struct SessionStore: Sendable {
    let backend: any SessionBackend

    /// How stale `last_seen_at` may get before a request refreshes it.
    static let touchInterval: Int64 = 60

    init(backend: any SessionBackend) {
        self.backend = backend
    }

    /// Sessions in the SQLite database of `db`.
    init(db: AppDatabase, ttl: Int64, idleTTL: Int64, touchEveryRequest: Bool) {
        self.init(
            backend: SQLiteSessionBackend(
                db: db, ttl: ttl, idleTTL: idleTTL, touchEveryRequest: touchEveryRequest))
    }

    /// Absolute lifetime, in seconds.
    var ttl: Int64 { backend.ttl }

    /// The cookie value and the row of a new session: 32 bytes from the CSPRNG, base64url.
    func create(userID: Int64, now: Int64, timing: inout RequestTiming) throws -> (
        String, SessionInfo
    ) {
        try backend.create(userID: userID, now: now, timing: &timing)
    }

    /// The user and session behind a cookie value, or `nil` when it is gone, expired,
    /// or idle for longer than the idle lifetime.
    func lookup(id: String, now: Int64, timing: inout RequestTiming) throws -> (User, SessionInfo)?
    {
        try backend.lookup(id: id, now: now, timing: &timing)
    }

    /// The live sessions of one user, newest first.
    func list(userID: Int64, now: Int64, timing: inout RequestTiming) throws -> [SessionRow] {
        try backend.list(userID: userID, now: now, timing: &timing)
    }

    /// Ends one session now.
    func delete(idHash: [UInt8], timing: inout RequestTiming) throws {
        try backend.delete(idHash: idHash, timing: &timing)
    }

    /// Ends every session of one user now; returns how many there were.
    func deleteAll(userID: Int64, timing: inout RequestTiming) throws -> Int {
        try backend.deleteAll(userID: userID, timing: &timing)
    }

    /// SHA-256 of the cookie value's bytes.
    static func hash(_ id: String) -> [UInt8] {
        Digest.hash(.sha256, Array(id.utf8))
    }
}
