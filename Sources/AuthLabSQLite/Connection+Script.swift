internal import CSQLite

extension Connection {
    /// Runs every statement in `sql` in order (no bindings, not cached); each
    /// counts as one query. Used for migrations and schema scripts.
    ///
    /// Statements are split by SQLite's own tokenizer (the `sqlite3_prepare_v2`
    /// tail), so a `;` inside a string literal is safe, and each statement is
    /// prepared only after the previous one ran (a script may create a table
    /// and then fill it).
    public func executeScript(_ sql: String) throws(SQLiteError) {
        var remaining = Array(sql.utf8)
        while !remaining.isEmpty {
            var prepared: OpaquePointer?
            let text = String(decoding: remaining, as: UTF8.self)
            let (code, consumed) = text.withCString { start -> (Int32, Int) in
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(handle, start, -1, &prepared, &tail)
                return (code, tail.map { start.distance(to: $0) } ?? 0)
            }
            guard code == SQLITE_OK else {
                sqlite3_finalize(prepared)  // finalize(NULL) is a harmless no-op
                throw SQLiteError(code: code, db: handle, sql: text)
            }
            let cut = min(max(consumed, 0), remaining.count)
            let statementSQL = String(decoding: remaining[..<cut], as: UTF8.self)
            remaining = Array(remaining[cut...])
            guard let prepared else {
                if cut == 0 { return }  // only whitespace or comments were left
                continue
            }
            let statement = Statement(prepared: prepared, sql: statementSQL)
            while try statement.step() {}
            countStatement()
        }
    }
}
