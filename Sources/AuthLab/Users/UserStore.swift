import AuthLabSQLite

/// Users and their password hashes, in SQLite.
struct UserStore: Sendable {
    let db: AppDatabase

    /// Inserts a user; `nil` when the name is taken.
    func create(username: String, passwordHash: String, now: Int64, timing: inout RequestTiming)
        throws -> User?
    {
        do {
            let id = try db.write(&timing) { conn in
                try conn.execute(
                    "INSERT INTO users (username, password_hash, created_at) VALUES (?, ?, ?)",
                    [.text(username), .text(passwordHash), .integer(now)])
                return conn.lastInsertRowID
            }
            return User(id: id, username: username)
        } catch let error as SQLiteError where error.resultCode.isConstraintUnique {
            return nil
        }
    }

    /// The user and stored PHC hash for `username`, if registered.
    func credentials(username: String, timing: inout RequestTiming) throws -> (User, String)? {
        try db.read(&timing) { conn in
            guard
                let row = try conn.queryOne(
                    "SELECT id, password_hash FROM users WHERE username = ?", [.text(username)]),
                let id = row.int64(0), let hash = row.string(1)
            else { return nil }
            return (User(id: id, username: username), hash)
        }
    }
}
