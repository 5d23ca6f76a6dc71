import AuthLabSQLite
import Foundation
import Synchronization

/// Deletes expired sessions, refresh families and deny-list entries in the
/// background, so that lookups stay fast and the file does not grow for ever.
final class Purger: Sendable {
    private let database: Database
    private let interval: Int64
    private let stopped = Mutex(false)
    private let started = Mutex(false)
    private let done = DispatchSemaphore(value: 0)

    init(database: Database, interval: Int64) {
        self.database = database
        self.interval = interval
    }

    /// Removes every expired row now; returns how many rows went.
    @discardableResult
    func purge(now: Int64) throws -> Int {
        try database.write { conn in
            var removed = 0
            for sql in [
                "DELETE FROM sessions WHERE expires_at <= ?",
                "DELETE FROM refresh_families WHERE expires_at <= ?",
                "DELETE FROM denied_jti WHERE expires_at <= ?",
            ] {
                try conn.execute(sql, [.integer(now)])
                removed += conn.changes
            }
            return removed
        }
    }

    /// Starts the background thread.
    func start(log: @escaping @Sendable (String) -> Void) {
        started.withLock { $0 = true }
        let thread = Thread { [self] in
            while !self.waitOrStop() {
                do {
                    let removed = try self.purge(now: Monotonic.unixSeconds())
                    if removed > 0 { log("purged \(removed) expired rows") }
                } catch {
                    log("purge failed: \(error)")
                }
            }
            self.done.signal()
        }
        thread.name = "authlab-purger"
        thread.start()
    }

    /// Stops the background thread and waits for it.
    func stop() {
        let wasStopped = stopped.withLock { value in
            defer { value = true }
            return value
        }
        if !wasStopped, started.withLock({ $0 }) { _ = done.wait(timeout: .now() + .seconds(5)) }
    }

    /// Sleeps one interval in short steps; `true` once stop() was called.
    private func waitOrStop() -> Bool {
        var slept: Int64 = 0
        while slept < interval * 10 {
            if stopped.withLock({ $0 }) { return true }
            Thread.sleep(forTimeInterval: 0.1)
            slept += 1
        }
        return stopped.withLock { $0 }
    }
}
