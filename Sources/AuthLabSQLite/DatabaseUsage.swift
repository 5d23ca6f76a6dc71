/// Database work done for one caller (typically one HTTP request).
///
/// Pass the same value to every `read(usage:)` / `write(usage:)` of a request:
/// each adds the statements its body executed and the time it took (including
/// the wait for a connection). Unlike `Database.queryCount`, which counts every
/// thread's work, this is exact per request however many threads run.
public struct DatabaseUsage: Sendable, Equatable {
    /// Statements executed (transaction control and pragmas are not counted).
    public var queries: Int
    /// Wall-clock time spent in `read` / `write`, waits included.
    public var duration: Duration

    public init(queries: Int = 0, duration: Duration = .zero) {
        self.queries = queries
        self.duration = duration
    }
}
