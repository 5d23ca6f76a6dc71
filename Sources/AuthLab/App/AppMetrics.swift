import Synchronization

/// The application's Prometheus counters: authentications by scheme and result,
/// database queries by scheme, password hashes by purpose.
final class AppMetrics: Sendable {
    private let counters = Mutex<[Key: Int]>([:])

    private struct Key: Hashable {
        let name: String
        let labels: String
    }

    /// Counts one authentication attempt, e.g. `scheme: "jwt", result: "expired"`.
    func authentication(scheme: String, result: String) {
        add("authlab_authentications_total", "scheme=\"\(scheme)\",result=\"\(result)\"", 1)
    }

    /// Counts database queries made on behalf of `scheme`.
    func databaseQueries(_ count: Int, scheme: String) {
        guard count > 0 else { return }
        add("authlab_db_queries_total", "scheme=\"\(scheme)\"", count)
    }

    /// Counts one Argon2id run, by purpose (`login`, `register`, `dummy`).
    func passwordHash(purpose: String) {
        add("authlab_password_hashes_total", "purpose=\"\(purpose)\"", 1)
    }

    private func add(_ name: String, _ labels: String, _ amount: Int) {
        counters.withLock { $0[Key(name: name, labels: labels), default: 0] += amount }
    }

    /// The counters in Prometheus text exposition format 0.0.4.
    func prometheusText() -> String {
        let snapshot = counters.withLock { $0 }
        let help = [
            "authlab_authentications_total": "Authentication attempts by scheme and result.",
            "authlab_db_queries_total": "SQLite statements run, by the scheme they served.",
            "authlab_password_hashes_total": "Argon2id computations by purpose.",
        ]
        var text = ""
        for name in help.keys.sorted() {
            text += "# HELP \(name) \(help[name] ?? "")\n# TYPE \(name) counter\n"
            let rows = snapshot.filter { $0.key.name == name }.sorted {
                $0.key.labels < $1.key.labels
            }
            for (key, value) in rows { text += "\(name){\(key.labels)} \(value)\n" }
        }
        return text
    }
}
