internal import CSQLite

/// One prepared statement: the only owner of its `sqlite3_stmt`, finalized in `deinit`.
///
/// Statements are created and cached by `Connection`; a statement is used by
/// the thread that holds its connection, and is reset with its bindings
/// cleared after every use.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    let columnNames: [String]
    private let parameterCount: Int

    /// Prepares the single statement `sql` on `db`.
    ///
    /// Text after the first statement (other than whitespace and `;`) is refused
    /// rather than silently ignored: use `Connection.executeScript` for scripts.
    convenience init(db: OpaquePointer, sql: String, persistent: Bool) throws(SQLiteError) {
        var prepared: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let (code, tail) = sql.withCString { text -> (Int32, String) in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(db, text, -1, flags, &prepared, &tail)
            return (code, tail.map { String(cString: $0) } ?? "")
        }
        guard code == SQLITE_OK else {
            sqlite3_finalize(prepared)  // finalize(NULL) is a harmless no-op
            throw SQLiteError(code: code, db: db, sql: sql)
        }
        guard let prepared else {
            throw SQLiteError(resultCode: .misuse, message: "empty statement", sql: sql)
        }
        guard tail.allSatisfy({ $0.isWhitespace || $0 == ";" }) else {
            sqlite3_finalize(prepared)
            throw SQLiteError(
                resultCode: .misuse, message: "more than one statement; use executeScript",
                sql: sql)
        }
        self.init(prepared: prepared, sql: sql)
    }

    /// Takes ownership of an already prepared statement.
    init(prepared: OpaquePointer, sql: String) {
        handle = prepared
        self.sql = sql
        parameterCount = Int(sqlite3_bind_parameter_count(prepared))
        let columns = sqlite3_column_count(prepared)
        columnNames = (0..<max(columns, 0)).map { index in
            sqlite3_column_name(prepared, index).map { String(cString: $0) } ?? ""
        }
    }

    deinit {
        // sqlite3_finalize returns the last step's error, already reported by step().
        sqlite3_finalize(handle)
    }

    /// Binds `values` to the parameters, in order; the count must match exactly.
    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        guard values.count == parameterCount else {
            throw SQLiteError(
                resultCode: .range,
                message: "expected \(parameterCount) arguments, got \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            // offset < parameterCount, which SQLite keeps below 32767: no overflow.
            let code = bindOne(value, at: Int32(offset + 1))
            try SQLiteError.check(code, db: sqlite3_db_handle(handle), sql: sql)
        }
    }

    private func bindOne(_ value: SQLiteValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let integer):
            return sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            return sqlite3_bind_double(handle, index, real)
        case .text(var text):
            // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns,
            // so the buffer only has to live for the call. A NULL pointer would
            // bind NULL, so the empty string gets a real (empty) buffer.
            return text.withUTF8 { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, CSQLite_transient())
                }
                return sqlite3_bind_text64(
                    handle, index, base, UInt64(bytes.count), CSQLite_transient(),
                    UInt8(SQLITE_UTF8))
            }
        case .blob(let bytes):
            return bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, !raw.isEmpty else {
                    return sqlite3_bind_zeroblob(handle, index, 0)
                }
                return sqlite3_bind_blob64(
                    handle, index, base, UInt64(raw.count), CSQLite_transient())
            }
        }
    }

    /// Steps once: `true` when a row is available, `false` when done.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(code: code, db: sqlite3_db_handle(handle), sql: sql)
        }
    }

    /// The current row (valid after `step()` returned `true`).
    func row() -> Row {
        Row(values: columnNames.indices.map { value(at: Int32($0)) }, columnNames: columnNames)
    }

    private func value(at column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            // Pointer first, then the byte count (the order SQLite documents).
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .text(
                String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(handle, column)
            let count = Int(sqlite3_column_bytes(handle, column))
            guard let bytes, count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    /// Makes the statement ready for its next use.
    func reset() {
        // sqlite3_reset repeats the last step's error, which step() already threw;
        // sqlite3_clear_bindings always returns SQLITE_OK.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }
}
