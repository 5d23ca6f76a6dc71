import AuthLabSQLite

/// The username that Redis keeps next to a user id in a session or a refresh
/// family. Users stay in SQLite; the name is read once, at login, so that looking a
/// session up or rotating a token later needs Redis alone.
enum RedisCopiedUser {
    static func username(of userID: Int64, db: AppDatabase, timing: inout RequestTiming) throws
        -> String
    {
        let name = try db.read(&timing) { conn in
            try conn.queryOne("SELECT username FROM users WHERE id = ?", [.integer(userID)])?
                .string(0)
        }
        guard let name else { throw RedisCopiedUserError() }
        return name
    }
}

/// A login for a user id that the users table does not hold (a bug, answered 500).
struct RedisCopiedUserError: Error, CustomStringConvertible {
    var description: String { "the logged-in user is not in the users table" }
}
