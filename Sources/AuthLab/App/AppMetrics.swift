import Synchronization

/// The application's Prometheus counters: authentications by scheme and result,
/// database queries by scheme, password hashes by purpose.
///
/// On the hot path a count is one lock and one dictionary update keyed by the label
/// values as given (no label text is built); the exposition text is built only when
/// `/metrics` is read.
final class AppMetrics: Sendable {
    private enum Family: Int, CaseIterable {
        case authentications
        case databaseQueries
        case passwordHashes

        var name: String {
            switch self {
            case .authentications: "authlab_authentications_total"
            case .databaseQueries: "authlab_db_queries_total"
            case .passwordHashes: "authlab_password_hashes_total"
            }
        }

        var help: String {
            switch self {
            case .authentications: "Authentication attempts by scheme and result."
            case .databaseQueries:
                "Store commands run (SQLite statements, Redis commands), by scheme."
            case .passwordHashes: "Argon2id computations by purpose."
            }
        }

        func labels(_ first: String, _ second: String) -> String {
            switch self {
            case .authentications: "scheme=\"\(first)\",result=\"\(second)\""
            case .databaseQueries: "scheme=\"\(first)\""
            case .passwordHashes: "purpose=\"\(first)\""
            }
        }
    }

    private struct Key: Hashable {
        let family: Family
        let first: String
        let second: String
    }

    private let counters = Mutex<[Key: Int]>([:])

    /// Counts one authentication attempt, e.g. `scheme: "jwt", result: "expired"`.
    func authentication(scheme: String, result: String) {
        add(Key(family: .authentications, first: scheme, second: result), 1)
    }

    /// Counts store commands made on behalf of `scheme`.
    func databaseQueries(_ count: Int, scheme: String) {
        guard count > 0 else { return }
        add(Key(family: .databaseQueries, first: scheme, second: ""), count)
    }

    /// Counts one Argon2id run, by purpose (`login`, `register`, `dummy`).
    func passwordHash(purpose: String) {
        add(Key(family: .passwordHashes, first: purpose, second: ""), 1)
    }

    private func add(_ key: Key, _ amount: Int) {
        counters.withLock { $0[key, default: 0] += amount }
    }

    /// The counters in Prometheus text exposition format 0.0.4.
    func prometheusText() -> String {
        let snapshot = counters.withLock { $0 }
        var text = ""
        for family in Family.allCases {
            text += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) counter\n"
            let rows = snapshot.filter { $0.key.family == family }
                .map { (family.labels($0.key.first, $0.key.second), $0.value) }
                .sorted { $0.0 < $1.0 }
            for (labels, value) in rows { text += "\(family.name){\(labels)} \(value)\n" }
        }
        return text
    }
}
