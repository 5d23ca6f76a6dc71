import AuthLabCrypto
import AuthLabSQLite
import Foundation

/// Session lookup and creation through the server's own `SessionStore` on a temporary
/// SQLite file holding `rows` sessions, next to a bare primary-key SELECT.
enum SessionBenchmarks {
    static func run(rows: Int, timer: BenchTimer) throws -> [BenchResult] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("authlab-bench-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sessions.sqlite").path
        var plan = Seeder.Plan()
        plan.users = max(1, min(rows, 10_000))
        plan.sessions = rows
        plan.argon2MemoryKiB = 8  // one shared hash that no benchmark here verifies
        let ids = try Seeder(databasePath: path).run(plan, keep: min(rows, 10_000)) { _, _ in }
        guard !ids.isEmpty else { throw BenchError("no sessions to look up") }
        let hashes = ids.map(SessionStore.hash)

        let database = try Database(path: path, readers: 2)
        defer { database.close() }
        let store = SessionStore(
            db: AppDatabase(database: database, metrics: AppMetrics()), ttl: 86_400,
            idleTTL: 86_400, touchEveryRequest: false)
        let now = Monotonic.unixSeconds()
        var next = 0
        var sink = 0
        let lookup = try timer.measure {
            next = next + 1 == ids.count ? 0 : next + 1
            var timing = RequestTiming()
            guard let (user, _) = try store.lookup(id: ids[next], now: now, timing: &timing) else {
                throw BenchError("a seeded session was not found")
            }
            sink &+= Int(user.id)
        }
        let raw = try Connection(path: path)
        let select = try timer.measure {
            next = next + 1 == hashes.count ? 0 : next + 1
            let row = try raw.queryOne(
                "SELECT user_id FROM sessions WHERE id_hash = ?", [.blob(hashes[next])])
            sink &+= Int(row?.int64(0) ?? 0)
        }
        let create = try timer.measure {
            var timing = RequestTiming()
            sink &+= try store.create(userID: 1, now: now, timing: &timing).0.utf8.count
        }
        if sink == 42 { print("", terminator: "") }  // keeps `sink` observable
        let label = Self.label(rows)
        return [
            BenchResult(
                operation: "session lookup (\(label) rows)", group: "session", timing: lookup,
                raw: ("SQLite SELECT by primary key", select)),
            BenchResult(
                operation: "session create (\(label) rows)", group: "session", timing: create,
                raw: nil),
        ]
    }

    /// `1k`, `100k`, `1M`.
    static func label(_ rows: Int) -> String {
        if rows >= 1_000_000, rows % 1_000_000 == 0 { return "\(rows / 1_000_000)M" }
        if rows >= 1_000, rows % 1_000 == 0 { return "\(rows / 1_000)k" }
        return String(rows)
    }
}
