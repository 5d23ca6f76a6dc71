import AuthLabCrypto
import AuthLabSQLite
import Foundation
import Testing

@testable import AuthLab

@Suite("Seeder")
struct SeederTests {
    private func temporaryPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("authlab-seeder-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("seed.sqlite").path
    }

    private func plan(users: Int, sessions: Int) -> Seeder.Plan {
        var plan = Seeder.Plan()
        plan.users = users
        plan.sessions = sessions
        plan.batchSize = 7  // several batches and transactions even for small plans
        plan.transactionRows = 20
        plan.argon2MemoryKiB = 8
        return plan
    }

    @Test("creates every row and exports cookies whose SHA-256 is a stored session")
    func createsRowsAndExportsLiveCookies() throws {
        let path = try temporaryPath()
        var reports: [(Int, Int)] = []
        let kept = try Seeder(databasePath: path).run(plan(users: 13, sessions: 50), keep: 30) {
            reports.append(($0, $1))
        }
        #expect(kept.count == 30)
        #expect(Set(kept).count == 30)
        #expect(reports.last.map { $0 == (63, 63) } == true)
        let database = try Database(path: path, readers: 0)
        defer { database.close() }
        let counts = try database.read { conn in
            (
                try conn.queryOne("SELECT COUNT(*) FROM users", [])?.int64(0),
                try conn.queryOne("SELECT COUNT(*) FROM sessions", [])?.int64(0)
            )
        }
        #expect(counts.0 == 13)
        #expect(counts.1 == 50)
        for cookie in kept {
            let found = try database.read { conn in
                try conn.queryOne(
                    "SELECT user_id FROM sessions WHERE id_hash = ?",
                    [.blob(Digest.hash(.sha256, Array(cookie.utf8)))])
            }
            #expect(found != nil)
        }
    }

    @Test("a second run appends users after the existing ones and keeps names valid")
    func secondRunAppends() throws {
        let path = try temporaryPath()
        _ = try Seeder(databasePath: path).run(plan(users: 3, sessions: 0), keep: 0) { _, _ in }
        var second = plan(users: 2, sessions: 4)
        second.usernamePrefix = "more"
        _ = try Seeder(databasePath: path).run(second, keep: 0) { _, _ in }
        let database = try Database(path: path, readers: 0)
        defer { database.close() }
        let names = try database.read { conn in
            try conn.query("SELECT username FROM users ORDER BY id", []).compactMap { $0.string(0) }
        }
        #expect(names == ["seed000000", "seed000001", "seed000002", "more000000", "more000001"])
        let orphans = try database.read { conn in
            try conn.queryOne(
                "SELECT COUNT(*) FROM sessions WHERE user_id NOT IN (SELECT id FROM users WHERE username LIKE 'more%')",
                [])?.int64(0)
        }
        #expect(orphans == 0)
    }
}
