internal import CSQLite

/// A failed SQLite call: the result code, SQLite's message and the SQL text.
///
/// The description never contains bound argument values or the database path:
/// SQLite's own messages name tables and columns, not values.
public struct SQLiteError: Error, Sendable, Equatable {
    /// The extended result code (extended codes are enabled on every connection).
    public let resultCode: ResultCode
    /// SQLite's message (`sqlite3_errmsg`), or ours for errors found before SQLite.
    public let message: String
    /// The SQL being prepared or run, if any (text only, never its arguments).
    public let sql: String?

    public init(resultCode: ResultCode, message: String, sql: String? = nil) {
        self.resultCode = resultCode
        self.message = message
        self.sql = sql
    }

    /// A stable machine-readable code: the C name of the result code.
    public var code: String { resultCode.name }
}

extension SQLiteError: CustomStringConvertible {
    public var description: String {
        var text = "SQLite error \(resultCode.rawValue) (\(resultCode.name)): \(message)"
        if let sql { text += " while executing `\(sql)`" }
        return text
    }
}

// The one funnel from SQLite return codes to `SQLiteError`.
extension SQLiteError {
    /// The error for `code`, with the message SQLite recorded on `db`.
    init(code: Int32, db: OpaquePointer?, sql: String?) {
        let message: String
        if let db, let text = sqlite3_errmsg(db) {
            message = String(cString: text)
        } else if let text = sqlite3_errstr(code) {
            message = String(cString: text)
        } else {
            message = "unknown error"
        }
        self.init(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }

    /// Throws unless `code` is `SQLITE_OK`.
    static func check(_ code: Int32, db: OpaquePointer?, sql: String? = nil) throws(SQLiteError) {
        guard code == SQLITE_OK else { throw SQLiteError(code: code, db: db, sql: sql) }
    }
}
