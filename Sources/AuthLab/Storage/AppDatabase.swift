import AuthLabSQLite

/// The application's handle on SQLite: every call is timed and its statements
/// counted into the request's `RequestTiming` and the `/metrics` counters.
final class AppDatabase: Sendable {
    let database: Database
    private let metrics: AppMetrics

    init(database: Database, metrics: AppMetrics) {
        self.database = database
        self.metrics = metrics
    }

    /// Runs `body` on a reader connection. Every read of the application is one
    /// statement, so no `BEGIN`/`COMMIT` is wrapped around it (the statement is its own
    /// snapshot).
    func read<T>(_ timing: inout RequestTiming, _ body: (Connection) throws -> T) throws -> T {
        var usage = DatabaseUsage()
        defer { record(usage, into: &timing) }
        return try database.read(usage: &usage, snapshot: false, body)
    }

    /// Runs `body` in a write transaction on the single writer connection.
    func write<T>(_ timing: inout RequestTiming, _ body: (Connection) throws -> T) throws -> T {
        var usage = DatabaseUsage()
        defer { record(usage, into: &timing) }
        return try database.write(usage: &usage, body)
    }

    private func record(_ usage: DatabaseUsage, into timing: inout RequestTiming) {
        timing.addStoreCall(duration: usage.duration, queries: usage.queries, store: "sqlite")
        metrics.databaseQueries(usage.queries, scheme: timing.scheme)
    }
}
