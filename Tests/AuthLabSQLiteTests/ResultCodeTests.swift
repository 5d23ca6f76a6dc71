import Testing

@testable import AuthLabSQLite

@Suite("ResultCode")
struct ResultCodeTests {
    @Test("primary patterns match extended codes; extended patterns match exactly")
    func patternMatching() {
        #expect(ResultCode.constraint ~= ResultCode.constraintUnique)
        #expect(ResultCode.constraintUnique ~= ResultCode.constraintUnique)
        #expect(!(ResultCode.constraintUnique ~= ResultCode.constraintNotNull))
        #expect(!(ResultCode.busy ~= ResultCode.constraintUnique))
        #expect(ResultCode.constraintUnique.primary == .constraint)
        #expect(ResultCode.constraint.isPrimary)
        #expect(!ResultCode.constraintUnique.isPrimary)
    }

    @Test("isConstraintUnique covers UNIQUE and PRIMARY KEY only")
    func constraintUnique() {
        #expect(ResultCode.constraintUnique.isConstraintUnique)
        #expect(ResultCode.constraintPrimaryKey.isConstraintUnique)
        #expect(!ResultCode.constraintNotNull.isConstraintUnique)
        #expect(!ResultCode.constraint.isConstraintUnique)
    }

    @Test("codes have stable C names")
    func names() {
        #expect(ResultCode.constraintUnique.name == "SQLITE_CONSTRAINT_UNIQUE")
        #expect(ResultCode.notADatabase.name == "SQLITE_NOTADB")
        #expect(ResultCode(rawValue: 19 | (40 << 8)).name == "SQLITE_CONSTRAINT_40")
        #expect(SQLiteError(resultCode: .busy, message: "x").code == "SQLITE_BUSY")
    }

    @Test("an error can be caught by result code")
    func catchByCode() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
        try db.execute("INSERT INTO t VALUES (1)")
        var caught = false
        do {
            try db.execute("INSERT INTO t VALUES (1)")
        } catch ResultCode.constraintPrimaryKey {
            caught = true
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(caught)
    }
}
