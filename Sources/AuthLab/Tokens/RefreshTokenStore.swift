import AuthLabCrypto

/// Opaque refresh tokens, stored as SHA-256, grouped in families for rotation and
/// reuse detection (each login starts a family; each refresh spends one token and
/// adds the next; presenting a spent token revokes the whole family), in the backend
/// that `--session-store` chose.
struct RefreshTokenStore: Sendable {
    let backend: any RefreshTokenBackend

    /// What presenting a refresh token led to.
    enum Outcome: Equatable {
        /// Spent; a new token of the same family was issued.
        case rotated(userID: Int64, username: String, token: String, expiresAt: Int64)
        /// The token was already spent: the family is now revoked.
        case reused
        /// Unknown, expired, or its family revoked.
        case invalid(String)
    }

    init(backend: any RefreshTokenBackend) {
        self.backend = backend
    }

    /// Families in the SQLite database of `db`.
    init(db: AppDatabase, ttl: Int64) {
        self.init(backend: SQLiteRefreshTokenBackend(db: db, ttl: ttl))
    }

    /// Lifetime of a family, in seconds, counted from the login.
    var ttl: Int64 { backend.ttl }

    /// Starts a family for a fresh login and returns its first token.
    func issue(userID: Int64, now: Int64, timing: inout RequestTiming) throws -> (String, Int64) {
        try backend.issue(userID: userID, now: now, timing: &timing)
    }

    /// Spends `token` and issues its successor, or detects reuse.
    func rotate(token: String, now: Int64, timing: inout RequestTiming) throws -> Outcome {
        try backend.rotate(token: token, now: now, timing: &timing)
    }

    /// Revokes the family of `token`; `false` when the token is unknown.
    func revokeFamily(of token: String, now: Int64, timing: inout RequestTiming) throws -> Bool {
        try backend.revokeFamily(of: token, now: now, timing: &timing)
    }

    static func hash(_ token: String) -> [UInt8] {
        Digest.hash(.sha256, Array(token.utf8))
    }
}
