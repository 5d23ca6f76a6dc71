import AuthLabRedis
import Synchronization

/// The application's handle on Redis, the counterpart of `AppDatabase`: every call
/// is timed and its commands counted into the request's `RequestTiming` (Server-Timing
/// `db;desc="redis"`) and `authlab_db_queries_total`.
///
/// Fails closed: when Redis cannot be reached, or does not answer within the command
/// timeout, the request answers `503 store_unavailable` with `Retry-After: 1`, and
/// the next request connects again, so service resumes by itself when Redis is back.
final class RedisDatabase: Sendable {
    let pool: RedisPool
    let keys: RedisKeys
    private let metrics: AppMetrics
    private let log: @Sendable (String) -> Void
    private let down = Mutex(false)

    init(
        pool: RedisPool, keys: RedisKeys, metrics: AppMetrics,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.pool = pool
        self.keys = keys
        self.metrics = metrics
        self.log = log
    }

    /// Runs `body` on a pooled connection; an unreachable Redis becomes a 503.
    func run<T>(_ timing: inout RequestTiming, _ body: (RedisConnection) throws -> T) throws -> T {
        var usage = RedisUsage()
        defer { record(usage, into: &timing) }
        do {
            let result = try pool.withConnection(usage: &usage, body)
            noteState(down: false, reason: nil)
            return result
        } catch let error as RedisError where error.isUnavailable {
            noteState(down: true, reason: error)
            throw APIError.storeUnavailable()
        }
    }

    /// Logs the transitions only (down, then back), not every failed request.
    private func noteState(down isDown: Bool, reason: RedisError?) {
        let changed = down.withLock { state in
            defer { state = isDown }
            return state != isDown
        }
        guard changed else { return }
        if let reason {
            log("session store unavailable (\(reason.code.rawValue)): \(reason.description)")
        } else {
            log("session store reachable again at \(pool.endpoint)")
        }
    }

    private func record(_ usage: RedisUsage, into timing: inout RequestTiming) {
        timing.addStoreCall(duration: usage.duration, queries: usage.commands, store: "redis")
        metrics.databaseQueries(usage.commands, scheme: timing.scheme)
    }
}
