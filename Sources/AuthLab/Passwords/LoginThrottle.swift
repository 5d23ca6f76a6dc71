import Synchronization

/// Counts failed logins per username and per client address in a fixed window and
/// refuses further attempts (429 with `Retry-After`) once a limit is reached.
///
/// Checked before the password hash runs, so a refused attempt costs no Argon2 time.
/// State is in memory: a restart forgets it (documented in docs/security.md).
final class LoginThrottle: Sendable {
    private struct Window {
        var start: Int64
        var failures: Int
    }

    private let usernameLimit: Int
    private let clientLimit: Int
    private let window: Int64
    private let state = Mutex<[String: Window]>([:])

    init(usernameLimit: Int, clientLimit: Int, window: Int64) {
        self.usernameLimit = usernameLimit
        self.clientLimit = clientLimit
        self.window = window
    }

    /// Seconds to wait when either key is over its limit, else `nil`.
    func retryAfter(username: String, client: String, now: Int64) -> Int64? {
        state.withLock { table in
            var wait: Int64?
            for (key, limit) in [("u:" + username, usernameLimit), ("c:" + client, clientLimit)] {
                guard let entry = table[key], now - entry.start < window else { continue }
                if entry.failures >= limit { wait = max(wait ?? 0, entry.start + window - now) }
            }
            return wait
        }
    }

    /// Records one failed attempt.
    func recordFailure(username: String, client: String, now: Int64) {
        state.withLock { table in
            if table.count > 100_000 { table = table.filter { now - $0.value.start < window } }
            for key in ["u:" + username, "c:" + client] {
                if var entry = table[key], now - entry.start < window {
                    entry.failures += 1
                    table[key] = entry
                } else {
                    table[key] = Window(start: now, failures: 1)
                }
            }
        }
    }

    /// Forgets the username's failures after a successful login.
    func recordSuccess(username: String) {
        _ = state.withLock { $0.removeValue(forKey: "u:" + username) }
    }
}
