import AuthLabSQLite

/// The `jti` deny-list in SQLite (the embedded default); the purger deletes rows
/// whose `exp` has passed.
struct SQLiteDenyListBackend: DenyListBackend {
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
