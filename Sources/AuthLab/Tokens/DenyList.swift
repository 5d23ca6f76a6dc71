import AuthLabSQLite

/// Access-token ids (`jti`) revoked before their `exp`: the state that a stateless
/// token needs as soon as logout must take effect at once.
struct DenyList: Sendable {
    let db: AppDatabase

    /// Denies `jti` until `expiresAt` (after which the token is dead anyway).
    func deny(jti: String, expiresAt: Int64, timing: inout RequestTiming) throws {
        try db.write(&timing) { conn in
            try conn.execute(
                "INSERT OR IGNORE INTO denied_jti (jti, expires_at) VALUES (?, ?)",
                [.text(jti), .integer(expiresAt)])
        }
    }

    /// Whether `jti` was denied.
    func contains(jti: String, timing: inout RequestTiming) throws -> Bool {
        try db.read(&timing) { conn in
            try conn.queryOne("SELECT 1 FROM denied_jti WHERE jti = ?", [.text(jti)]) != nil
        }
    }
}
