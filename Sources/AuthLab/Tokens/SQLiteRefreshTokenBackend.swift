import AuthLabCrypto
import AuthLabSQLite

/// Refresh-token families in SQLite (the embedded default): one row per family and
/// per token, the token stored as SHA-256; rotation and reuse detection run in one
/// write transaction.
struct SQLiteRefreshTokenBackend: RefreshTokenBackend {
    let db: AppDatabase
    /// Lifetime of a family, in seconds, counted from the login.
    let ttl: Int64

    typealias Outcome = RefreshTokenStore.Outcome

    /// Starts a family for a fresh login and returns its first token.
    func issue(userID: Int64, now: Int64, timing: inout RequestTiming) throws -> (String, Int64) {
        let family = Base64URL.encode(try SecureRandom.bytes(16))
        let token = Base64URL.encode(try SecureRandom.bytes(32))
        let expiresAt = now + ttl
        try db.write(&timing) { conn in
            try conn.execute(
                "INSERT INTO refresh_families (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                [.text(family), .integer(userID), .integer(now), .integer(expiresAt)])
            try insert(conn, token: token, family: family, now: now, expiresAt: expiresAt)
        }
        return (token, expiresAt)
    }

    /// Spends `token` and issues its successor, or detects reuse.
    func rotate(token: String, now: Int64, timing: inout RequestTiming) throws -> Outcome {
        let next = Base64URL.encode(try SecureRandom.bytes(32))
        return try db.write(&timing) { conn -> Outcome in
            guard
                let row = try conn.queryOne(
                    """
                    SELECT t.family_id, t.spent_at, f.revoked_at, f.expires_at, u.id, u.username
                    FROM refresh_tokens t
                    JOIN refresh_families f ON f.id = t.family_id
                    JOIN users u ON u.id = f.user_id
                    WHERE t.token_hash = ?
                    """, [.blob(RefreshTokenStore.hash(token))]),
                let family = row.string(0), let expiresAt = row.int64(3),
                let userID = row.int64(4), let username = row.string(5)
            else { return .invalid("unknown refresh token") }
            if row.int64(2) != nil { return .invalid("refresh token family was revoked") }
            if row.int64(1) != nil {
                try revoke(conn, family: family, now: now)
                return .reused
            }
            guard now < expiresAt else { return .invalid("refresh token expired") }
            try conn.execute(
                "UPDATE refresh_tokens SET spent_at = ? WHERE token_hash = ?",
                [.integer(now), .blob(RefreshTokenStore.hash(token))])
            try insert(conn, token: next, family: family, now: now, expiresAt: expiresAt)
            return .rotated(userID: userID, username: username, token: next, expiresAt: expiresAt)
        }
    }

    /// Revokes the family of `token`; `false` when the token is unknown.
    func revokeFamily(of token: String, now: Int64, timing: inout RequestTiming) throws -> Bool {
        try db.write(&timing) { conn in
            guard
                let row = try conn.queryOne(
                    "SELECT family_id FROM refresh_tokens WHERE token_hash = ?",
                    [.blob(RefreshTokenStore.hash(token))]),
                let family = row.string(0)
            else { return false }
            try revoke(conn, family: family, now: now)
            return true
        }
    }

    private func revoke(_ conn: Connection, family: String, now: Int64) throws {
        try conn.execute(
            "UPDATE refresh_families SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            [.integer(now), .text(family)])
    }

    private func insert(
        _ conn: Connection, token: String, family: String, now: Int64, expiresAt: Int64
    ) throws {
        try conn.execute(
            """
            INSERT INTO refresh_tokens (token_hash, family_id, created_at, expires_at)
            VALUES (?, ?, ?, ?)
            """,
            [
                .blob(RefreshTokenStore.hash(token)), .text(family), .integer(now),
                .integer(expiresAt),
            ])
    }
}
