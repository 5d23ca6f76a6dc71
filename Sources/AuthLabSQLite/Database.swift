/// A shared SQLite database: one writer connection and a pool of WAL readers.
///
/// - `write { conn in }` runs on the single writer connection, behind a mutex,
///   inside `BEGIN IMMEDIATE … COMMIT` (ROLLBACK when the body throws).
/// - `read { conn in }` runs on a pooled reader (`query_only`) inside a deferred
///   transaction, so the body sees one consistent snapshot while writes go on.
///   With `readers: 0` or an in-memory database, reads use the writer.
///
/// Do not call `read` or `write` from inside another `write` body (or `read`
/// inside `read` with no readers): the locks do not nest.
public final class Database: Sendable {
    /// The path given at open (`":memory:"` for an in-memory database).
    public let path: String
    private let writer: Locked<Connection?>
    private let readers: ReaderPool?
    private let counter = QueryCounter()

    /// Opens or creates the database and its writer connection; readers open on demand.
    ///
    /// - Parameters:
    ///   - readers: the most reader connections open at once (ignored, as 0, for
    ///     `":memory:"`, whose connections would each see a different database).
    ///   - busyTimeoutMilliseconds: how long to wait for another process's lock.
    public init(path: String, readers: Int = 4, busyTimeoutMilliseconds: Int32 = 5000)
        throws(SQLiteError)
    {
        self.path = path
        let counter = counter
        let writerConnection = try Connection(
            path: path, role: .writer, busyTimeoutMilliseconds: busyTimeoutMilliseconds,
            counter: counter)
        writer = Locked(writerConnection)
        if readers > 0 && !Connection.isInMemory(path) {
            self.readers = ReaderPool(capacity: readers) { () throws(SQLiteError) in
                try Connection(
                    path: path, role: .reader, busyTimeoutMilliseconds: busyTimeoutMilliseconds,
                    counter: counter)
            }
        } else {
            self.readers = nil
        }
    }

    /// Statements executed on all connections since open (for `/metrics`).
    public var queryCount: Int { counter.value }

    /// Runs `body` in a write transaction on the writer connection.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try withWriter { connection in try connection.transaction(.immediate, body) }
    }

    /// Runs `body` on a reader connection, in a read snapshot.
    ///
    /// With `snapshot: false` no transaction is opened: each statement then reads its own
    /// snapshot, which saves the `BEGIN`/`COMMIT` round for a body that runs one statement
    /// (the hot path's lookups).
    public func read<T>(snapshot: Bool = true, _ body: (Connection) throws -> T) throws -> T {
        let run: (Connection) throws -> T = { connection in
            snapshot ? try connection.transaction(.deferred, body) : try body(connection)
        }
        if let readers {
            return try readers.withReader(run)
        }
        return try withWriter(run)
    }

    /// `write`, adding the statements run and the time taken to `usage`.
    public func write<T>(usage: inout DatabaseUsage, _ body: (Connection) throws -> T) throws
        -> T
    {
        let start = ContinuousClock.now
        defer { usage.duration += start.duration(to: .now) }
        return try write { connection in
            let before = connection.statementCount
            defer { usage.queries += connection.statementCount - before }
            return try body(connection)
        }
    }

    /// `read`, adding the statements run and the time taken to `usage`.
    public func read<T>(
        usage: inout DatabaseUsage, snapshot: Bool = true, _ body: (Connection) throws -> T
    ) throws -> T {
        let start = ContinuousClock.now
        defer { usage.duration += start.duration(to: .now) }
        return try read(snapshot: snapshot) { connection in
            let before = connection.statementCount
            defer { usage.queries += connection.statementCount - before }
            return try body(connection)
        }
    }

    /// Closes the database: later calls to `read` and `write` throw `SQLITE_MISUSE`.
    /// Connections still lent out close when their body returns.
    public func close() {
        let connection = writer.withLock { slot in
            defer { slot = nil }
            return slot
        }
        _ = connection  // the last reference goes here, outside the lock
        readers?.close()
    }

    static let closedError = SQLiteError(resultCode: .misuse, message: "database is closed")

    private func withWriter<T>(_ body: (Connection) throws -> T) throws -> T {
        try writer.withLock { slot in
            guard let connection = slot else { throw Self.closedError }
            return try body(connection)
        }
    }
}
