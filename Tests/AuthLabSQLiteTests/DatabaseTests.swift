import Dispatch
import Foundation
import Testing

@testable import AuthLabSQLite

@Suite("Database")
struct DatabaseTests {
    @Test("a file database opens in WAL mode with the documented pragmas")
    func pragmas() throws {
        let dir = try TemporaryDirectory()
        let db = try Database(path: dir.file("a.sqlite"), readers: 2)
        let writerPragmas = try db.write { conn in
            [
                try conn.queryOne("PRAGMA journal_mode")?.string(0),
                try conn.queryOne("PRAGMA synchronous")?.int64(0).map(String.init),
                try conn.queryOne("PRAGMA foreign_keys")?.int64(0).map(String.init),
                try conn.queryOne("PRAGMA busy_timeout")?.int64(0).map(String.init),
            ]
        }
        #expect(writerPragmas == ["wal", "1", "1", "5000"])
        let queryOnly = try db.read { conn in try conn.queryOne("PRAGMA query_only")?.int64(0) }
        #expect(queryOnly == 1)
        #expect(throws: SQLiteError.self) {
            try db.read { conn in try conn.execute("CREATE TABLE nope (x)") }
        }
    }

    @Test("a throwing write body rolls the whole transaction back")
    func rollbackOnThrow() throws {
        struct Boom: Error {}
        let db = try Database(path: ":memory:", readers: 0)
        try db.write { try $0.execute("CREATE TABLE t (x)") }
        #expect(throws: Boom.self) {
            try db.write { conn in
                try conn.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        let count = try db.read { try $0.queryOne("SELECT count(*) FROM t")?.int64(0) }
        #expect(count == 0)
        try db.write { try $0.execute("INSERT INTO t VALUES (2)") }
        #expect(try db.read { try $0.queryOne("SELECT count(*) FROM t")?.int64(0) } == 1)
    }

    @Test("a UNIQUE violation inside write surfaces as isConstraintUnique")
    func uniqueInWrite() throws {
        let db = try Database(path: ":memory:", readers: 0)
        try db.write { try $0.execute("CREATE TABLE u (name TEXT UNIQUE)") }
        try db.write { try $0.execute("INSERT INTO u VALUES (?)", ["ann"]) }
        do {
            try db.write { try $0.execute("INSERT INTO u VALUES (?)", ["ann"]) }
            Issue.record("expected a UNIQUE violation")
        } catch let error as SQLiteError {
            #expect(error.resultCode.isConstraintUnique)
            #expect(error.code == "SQLITE_CONSTRAINT_UNIQUE")
        }
    }

    @Test("readers keep reading their snapshot while the writer holds a transaction")
    func concurrentReadersDuringWrite() throws {
        let dir = try TemporaryDirectory()
        let db = try Database(path: dir.file("c.sqlite"), readers: 3)
        try db.write { try $0.execute("CREATE TABLE t (x)") }
        let inside = DispatchSemaphore(value: 0)
        let readersDone = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            try? db.write { conn in
                try conn.execute("INSERT INTO t VALUES (1)")
                inside.signal()
                readersDone.wait()  // hold the write lock until every reader finished
            }
        }
        inside.wait()
        let counts = Locked<[Int64]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            let count = try? db.read { try $0.queryOne("SELECT count(*) FROM t")?.int64(0) }
            counts.withLock { $0.append(count ?? -1) }
        }
        readersDone.signal()
        group.wait()
        #expect(counts.withLock { $0 } == Array(repeating: 0, count: 6))
        #expect(try db.read { try $0.queryOne("SELECT count(*) FROM t")?.int64(0) } == 1)
    }

    @Test("queryCount and DatabaseUsage count executed statements")
    func queryCounting() throws {
        let db = try Database(path: ":memory:", readers: 0)
        let start = db.queryCount
        var usage = DatabaseUsage()
        try db.write(usage: &usage) { conn in
            try conn.execute("CREATE TABLE t (x)")
            try conn.execute("INSERT INTO t VALUES (1)")
        }
        _ = try db.read(usage: &usage) { try $0.query("SELECT x FROM t") }
        #expect(usage.queries == 3)
        #expect(usage.duration > .zero)
        #expect(db.queryCount == start + 3)
    }

    @Test("a file full of garbage fails to open with SQLITE_NOTADB")
    func garbageFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("garbage.sqlite")
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        do {
            _ = try Database(path: path, readers: 1)
            Issue.record("expected an error")
        } catch {
            #expect(error.resultCode == .notADatabase)
            #expect(error.message.contains("not a database"))
            #expect(!error.description.contains(dir.path))
        }
    }

    @Test("a path in a missing directory fails with SQLITE_CANTOPEN and a clear message")
    func missingDirectory() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("no/such/dir/db.sqlite")
        do {
            _ = try Database(path: path, readers: 1)
            Issue.record("expected an error")
        } catch {
            #expect(ResultCode.cantOpen ~= error.resultCode)
            #expect(error.message.contains("directory exists and is writable"))
            #expect(!error.description.contains(dir.path))
        }
    }

    @Test("after close, read and write throw SQLITE_MISUSE")
    func closeDatabase() throws {
        let dir = try TemporaryDirectory()
        let db = try Database(path: dir.file("x.sqlite"), readers: 1)
        _ = try db.read { try $0.queryOne("SELECT 1") }
        db.close()
        #expect(throws: SQLiteError(resultCode: .misuse, message: "database is closed")) {
            try db.write { try $0.execute("SELECT 1") }
        }
        #expect(throws: SQLiteError.self) { try db.read { try $0.queryOne("SELECT 1") } }
    }

    @Test("data written by the writer is visible to a fresh reader after commit")
    func readersSeeCommits() throws {
        let dir = try TemporaryDirectory()
        let db = try Database(path: dir.file("r.sqlite"), readers: 2)
        try db.write { conn in
            try conn.execute("CREATE TABLE t (x)")
            try conn.execute("INSERT INTO t VALUES (?)", [.text("v")])
        }
        #expect(try db.read { try $0.queryOne("SELECT x FROM t")?.string(0) } == "v")
    }
}
