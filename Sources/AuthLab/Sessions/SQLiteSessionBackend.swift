import AuthLabCrypto
import AuthLabSQLite

/// Server-side sessions in SQLite (the embedded default), keyed by the SHA-256 of the
/// cookie value, so that a copy of the database hands out no live session.
struct SQLiteSessionBackend: SessionBackend {
    let db: AppDatabase
    /// Absolute lifetime, in seconds.
    let ttl: Int64
    /// Idle lifetime, in seconds.
    let idleTTL: Int64
    /// Write `last_seen_at` on every request instead of at most once a minute.
    let touchEveryRequest: Bool

    /// The cookie value and the row of a new session: 32 bytes from the CSPRNG, base64url.
    func create(userID: Int64, now: Int64, timing: inout RequestTiming) throws -> (
        String, SessionInfo
    ) {
        let id = Base64URL.encode(try SecureRandom.bytes(32))
        let info = SessionInfo(idHash: SessionStore.hash(id), createdAt: now, expiresAt: now + ttl)
        try db.write(&timing) { conn in
            try conn.execute(
                """
                INSERT INTO sessions (id_hash, user_id, created_at, expires_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?)
                """,
                [
                    .blob(info.idHash), .integer(userID), .integer(now), .integer(info.expiresAt),
                    .integer(now),
                ])
        }
        return (id, info)
    }

    /// The user and session behind a cookie value, or `nil` when the row is gone,
    /// expired, or idle for longer than `idleTTL`.
    func lookup(id: String, now: Int64, timing: inout RequestTiming) throws -> (User, SessionInfo)?
    {
        let idHash = SessionStore.hash(id)
        let found = try db.read(&timing) { conn -> (User, SessionInfo, Int64)? in
            guard
                let row = try conn.queryOne(
                    """
                    SELECT s.user_id, u.username, s.created_at, s.expires_at, s.last_seen_at
                    FROM sessions s JOIN users u ON u.id = s.user_id
                    WHERE s.id_hash = ?
                    """, [.blob(idHash)]),
                let userID = row.int64(0), let username = row.string(1),
                let createdAt = row.int64(2), let expiresAt = row.int64(3),
                let lastSeen = row.int64(4)
            else { return nil }
            let info = SessionInfo(idHash: idHash, createdAt: createdAt, expiresAt: expiresAt)
            return (User(id: userID, username: username), info, lastSeen)
        }
        guard let (user, info, lastSeen) = found else { return nil }
        guard now < info.expiresAt, now - lastSeen < idleTTL else { return nil }
        if touchEveryRequest || now - lastSeen >= SessionStore.touchInterval {
            try db.write(&timing) { conn in
                try conn.execute(
                    "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?",
                    [.integer(now), .blob(idHash)])
            }
        }
        return (user, info)
    }

    /// The live sessions of one user, newest first.
    func list(userID: Int64, now: Int64, timing: inout RequestTiming) throws -> [SessionRow] {
        try db.read(&timing) { conn in
            try conn.query(
                """
                SELECT id_hash, created_at, expires_at FROM sessions
                WHERE user_id = ? AND expires_at > ? AND last_seen_at > ?
                ORDER BY created_at DESC, id_hash
                """, [.integer(userID), .integer(now), .integer(now - idleTTL)]
            ).compactMap { row in
                guard let hash = row.blob(0), let created = row.int64(1), let expires = row.int64(2)
                else { return nil }
                return (hash, created, expires)
            }
        }
    }

    /// Ends one session now.
    func delete(idHash: [UInt8], timing: inout RequestTiming) throws {
        try db.write(&timing) { conn in
            try conn.execute("DELETE FROM sessions WHERE id_hash = ?", [.blob(idHash)])
        }
    }

    /// Ends every session of one user now; returns how many there were.
    func deleteAll(userID: Int64, timing: inout RequestTiming) throws -> Int {
        try db.write(&timing) { conn in
            try conn.execute("DELETE FROM sessions WHERE user_id = ?", [.integer(userID)])
            return conn.changes
        }
    }
}
