internal import CSQLite

/// One SQLite connection: the only owner of its `sqlite3*`, closed in `deinit`.
///
/// Not Sendable: a connection is used by one thread at a time. `Database` hands
/// its connections out behind locks, which is why they are opened with
/// `SQLITE_OPEN_NOMUTEX` (SQLite's own per-connection mutex would only repeat
/// that serialization).
///
/// Pragmas set on open:
/// - `journal_mode=WAL` (file databases, writer role): readers never block the
///   writer and the writer never blocks readers.
/// - `synchronous=NORMAL`: in WAL mode a commit does not fsync; the WAL is synced at
///   checkpoints. Committed transactions survive an application crash (even
///   SIGKILL), but the last transactions may be lost on power loss or an OS crash.
///   That is the usual trade for a session store; use `FULL` if it is not.
/// - `busy_timeout` (default 5000 ms): wait for locks held by other processes
///   instead of failing at once with `SQLITE_BUSY`.
/// - `foreign_keys=ON`; readers also get `query_only=ON`.
public final class Connection {
    /// What a connection is for, which decides its pragmas.
    enum Role {
        case writer
        case reader
    }

    let handle: OpaquePointer
    private var statements: [String: Statement] = [:]
    private let sharedCounter: QueryCounter?

    /// Statements executed on this connection (transaction control excluded).
    public private(set) var statementCount = 0

    /// Opens (creating if needed) the database at `path`; `":memory:"` for a private
    /// in-memory database.
    public convenience init(path: String, busyTimeoutMilliseconds: Int32 = 5000)
        throws(SQLiteError)
    {
        try self.init(
            path: path, role: .writer, busyTimeoutMilliseconds: busyTimeoutMilliseconds,
            counter: nil)
    }

    init(path: String, role: Role, busyTimeoutMilliseconds: Int32, counter: QueryCounter?)
        throws(SQLiteError)
    {
        handle = try Self.openHandle(path: path)
        sharedCounter = counter
        // From here on, a throw releases self and deinit closes the handle.
        try SQLiteError.check(sqlite3_extended_result_codes(handle, 1), db: handle)
        try SQLiteError.check(sqlite3_busy_timeout(handle, busyTimeoutMilliseconds), db: handle)
        // The first statement reads the header: a file that is not a database
        // fails here with SQLITE_NOTADB.
        if role == .writer && !Self.isInMemory(path) {
            try executeControl("PRAGMA journal_mode=WAL")
        } else {
            try executeControl("PRAGMA schema_version")
        }
        try executeControl("PRAGMA synchronous=NORMAL")
        try executeControl("PRAGMA foreign_keys=ON")
        if role == .reader {
            try executeControl("PRAGMA query_only=ON")
        }
    }

    deinit {
        statements.removeAll()  // finalizes every statement before the close
        // close_v2 only fails on a bad handle; it defers the close if anything
        // is still open, so the handle can never leak or be freed twice.
        sqlite3_close_v2(handle)
    }

    private static func openHandle(path: String) throws(SQLiteError) -> OpaquePointer {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let detail = db.map { sqlite3_errmsg($0).map { String(cString: $0) } ?? "" } ?? ""
            sqlite3_close_v2(db)  // open may return a handle even on failure
            throw SQLiteError(
                resultCode: ResultCode(rawValue: code),
                message: "cannot open database (\(detail.isEmpty ? "no memory" : detail)); "
                    + "check that its directory exists and is writable")
        }
        return db
    }

    static func isInMemory(_ path: String) -> Bool {
        path.isEmpty || path == ":memory:" || path.hasPrefix("file::memory:")
    }

    /// The number of rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The number of prepared statements kept for reuse.
    public var cachedStatementCount: Int { statements.count }

    /// Runs one statement, discarding any rows.
    public func execute(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) {
        try withStatement(sql, bindings, counted: true) { (statement) throws(SQLiteError) in
            while try statement.step() {}
        }
    }

    /// Runs one statement and returns every row.
    public func query(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) -> [Row] {
        try withStatement(sql, bindings, counted: true) { (statement) throws(SQLiteError) in
            var rows: [Row] = []
            while try statement.step() { rows.append(statement.row()) }
            return rows
        }
    }

    /// Runs one statement and returns its first row, if any.
    public func queryOne(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError)
        -> Row?
    {
        try withStatement(sql, bindings, counted: true) { (statement) throws(SQLiteError) in
            try statement.step() ? statement.row() : nil
        }
    }

    /// Runs a transaction-control or pragma statement, not counted as a query.
    func executeControl(_ sql: String) throws(SQLiteError) {
        try withStatement(sql, [], counted: false) { (statement) throws(SQLiteError) in
            while try statement.step() {}
        }
    }

    /// Runs `body` with the cached statement for `sql`, bound to `bindings`,
    /// and resets the statement afterwards whatever happens.
    private func withStatement<T>(
        _ sql: String, _ bindings: [SQLiteValue], counted: Bool,
        _ body: (Statement) throws(SQLiteError) -> T
    ) throws(SQLiteError) -> T {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(bindings)
        if counted { countStatement() }
        return try body(statement)
    }

    /// Records one executed statement, here and in the database-wide counter.
    func countStatement() {
        statementCount += 1
        sharedCounter?.increment()
    }

    private func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try Statement(db: handle, sql: sql, persistent: true)
        statements[sql] = statement
        return statement
    }
}

@available(*, unavailable)
extension Connection: Sendable {}
