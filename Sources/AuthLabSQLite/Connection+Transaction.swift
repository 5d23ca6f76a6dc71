internal import CSQLite

extension Connection {
    /// How a transaction takes its locks (`BEGIN DEFERRED|IMMEDIATE|EXCLUSIVE`).
    public enum TransactionKind: String, Sendable {
        /// Takes a read snapshot at the first read, a write lock at the first write.
        case deferred = "DEFERRED"
        /// Takes the write lock at once: no SQLITE_BUSY upgrade failure later.
        case immediate = "IMMEDIATE"
        case exclusive = "EXCLUSIVE"
    }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it
    /// (or the COMMIT) throws. Transactions do not nest.
    public func transaction<T>(
        _ kind: TransactionKind = .deferred, _ body: (Connection) throws -> T
    ) throws -> T {
        try executeControl("BEGIN \(kind.rawValue)")
        let result: T
        do {
            result = try body(self)
            try executeControl("COMMIT")
        } catch {
            rollbackIfNeeded()
            throw error
        }
        return result
    }

    /// Rolls back an open transaction, keeping the caller's error as the one reported.
    private func rollbackIfNeeded() {
        // SQLite may already have rolled back (e.g. after SQLITE_FULL); a failing
        // ROLLBACK adds nothing to the original error, so it is not reported.
        guard isInTransaction else { return }
        try? executeControl("ROLLBACK")
    }
}
