import Testing

@testable import AuthLabSQLite

@Suite("Connection")
struct ConnectionTests {
    @Test("every SQLiteValue type round-trips through insert, select, update and delete")
    func crudEveryType() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, i, r, s, b, n)")
        let values: [SQLiteValue] = [
            .integer(Int64.min), .real(-1.5), .text("héllo\u{0}wörld 🔐"),
            .blob([0, 1, 2, 255]), .null,
        ]
        try db.execute("INSERT INTO t (i, r, s, b, n) VALUES (?, ?, ?, ?, ?)", values)
        #expect(db.changes == 1)
        let id = db.lastInsertRowID
        #expect(id == 1)

        let row = try #require(
            try db.queryOne("SELECT i, r, s, b, n FROM t WHERE id = ?", [.integer(id)]))
        #expect(row.values == values)
        #expect(row.int64(0) == Int64.min)
        #expect(row.double(1) == -1.5)
        #expect(row.string(2) == "héllo\u{0}wörld 🔐")
        #expect(row.blob(3) == [0, 1, 2, 255])
        #expect(row[4] == .null)
        #expect(row["s"] == .text("héllo\u{0}wörld 🔐"))
        #expect(row[99] == .null)
        #expect(row.string(0) == nil)

        try db.execute("UPDATE t SET s = ?, b = ? WHERE id = ?", ["", .blob([]), 1])
        let updated = try #require(try db.queryOne("SELECT s, b, typeof(s), typeof(b) FROM t"))
        #expect(updated.string(0) == "")
        #expect(updated.blob(1) == [])
        #expect(updated.string(2) == "text")
        #expect(updated.string(3) == "blob")

        try db.execute("DELETE FROM t WHERE id = ?", [1])
        #expect(db.changes == 1)
        #expect(try db.query("SELECT * FROM t").isEmpty)
    }

    @Test("literals build the expected values")
    func literals() {
        let values: [SQLiteValue] = [nil, 42, 2.5, "x", true, false]
        #expect(values == [.null, .integer(42), .real(2.5), .text("x"), .integer(1), .integer(0)])
        #expect(SQLiteValue(String?.none) == .null)
        #expect(SQLiteValue(7) == .integer(7))
    }

    @Test("a statement is prepared once and reused with fresh bindings")
    func cachedStatementReuse() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (x INTEGER)")
        let baseline = db.cachedStatementCount
        for x in 0..<10 {
            try db.execute("INSERT INTO t (x) VALUES (?)", [.integer(Int64(x))])
        }
        #expect(db.cachedStatementCount == baseline + 1)
        let select = "SELECT x FROM t WHERE x >= ? ORDER BY x"
        #expect(try db.query(select, [8]).compactMap { $0.int64(0) } == [8, 9])
        #expect(try db.query(select, [5]).count == 5)
        #expect(db.cachedStatementCount == baseline + 2)
    }

    @Test("a wrong number of arguments is an error, not a silent NULL")
    func argumentCountMismatch() throws {
        let db = try Connection(path: ":memory:")
        #expect(throws: SQLiteError.self) { try db.query("SELECT ?, ?", [1]) }
        do throws(SQLiteError) {
            _ = try db.query("SELECT ?", [1, 2])
            Issue.record("expected an error")
        } catch {
            #expect(error.resultCode == .range)
        }
    }

    @Test("more than one statement in execute is refused; executeScript runs them all")
    func scripts() throws {
        let db = try Connection(path: ":memory:")
        #expect(throws: SQLiteError.self) {
            try db.execute("CREATE TABLE a (x); CREATE TABLE b (y)")
        }
        try db.executeScript(
            """
            -- a comment
            CREATE TABLE a (x TEXT);
            INSERT INTO a VALUES ('semi;colon');
            INSERT INTO a VALUES ('two');  -- trailing comment
            """)
        #expect(
            try db.query("SELECT x FROM a ORDER BY rowid").compactMap { $0.string(0) } == [
                "semi;colon", "two",
            ])
    }

    @Test("a syntax error carries the SQL but no argument values")
    func errorDescription() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE u (name TEXT UNIQUE)")
        try db.execute("INSERT INTO u VALUES (?)", ["secret-value"])
        do throws(SQLiteError) {
            try db.execute("INSERT INTO u VALUES (?)", ["secret-value"])
            Issue.record("expected a UNIQUE violation")
        } catch {
            #expect(error.resultCode.isConstraintUnique)
            #expect(error.sql == "INSERT INTO u VALUES (?)")
            #expect(!error.description.contains("secret-value"))
            #expect(error.description.contains("SQLITE_CONSTRAINT_UNIQUE"))
        }
        #expect(throws: SQLiteError.self) { try db.execute("SELEKT 1") }
    }

    @Test("statementCount counts executed statements")
    func statementCount() throws {
        let db = try Connection(path: ":memory:")
        let start = db.statementCount
        try db.execute("CREATE TABLE t (x)")
        _ = try db.query("SELECT * FROM t")
        _ = try db.queryOne("SELECT 1")
        #expect(db.statementCount == start + 3)
    }
}
