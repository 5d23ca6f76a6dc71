import Testing

@testable import AuthLabSQLite

@Suite("Migrator")
struct MigratorTests {
    let migrations = [
        Migration(id: "001-users", sql: "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);"),
        Migration(
            id: "002-sessions",
            sql: """
                CREATE TABLE sessions (id BLOB PRIMARY KEY, user_id INTEGER REFERENCES users(id));
                CREATE INDEX sessions_user ON sessions (user_id);
                """),
    ]

    @Test("migrations apply once, in order, and are recorded")
    func appliedOnce() throws {
        let db = try Database(path: ":memory:", readers: 0)
        #expect(try Migrator.migrate(db, migrations) == ["001-users", "002-sessions"])
        #expect(try Migrator.migrate(db, migrations) == [])
        #expect(try Migrator.appliedMigrations(db) == ["001-users", "002-sessions"])
        let appliedAt = try db.read { conn in
            try conn.query("SELECT applied_at FROM schema_migrations").compactMap { $0.int64(0) }
        }
        #expect(appliedAt.count == 2)
        #expect(appliedAt.allSatisfy { $0 > 1_700_000_000 })

        let more = migrations + [Migration(id: "003-x", sql: "ALTER TABLE users ADD x TEXT")]
        #expect(try Migrator.migrate(db, more) == ["003-x"])
    }

    @Test("a failing migration rolls back entirely and leaves earlier ones applied")
    func failingMigration() throws {
        let db = try Database(path: ":memory:", readers: 0)
        let broken =
            migrations + [
                Migration(
                    id: "003-broken",
                    sql: "CREATE TABLE extra (x); INSERT INTO missing_table VALUES (1);"),
                Migration(id: "004-never", sql: "CREATE TABLE never (x)"),
            ]
        #expect(throws: SQLiteError.self) { try Migrator.migrate(db, broken) }
        #expect(try Migrator.appliedMigrations(db) == ["001-users", "002-sessions"])
        let tables = try db.read { conn in
            try conn.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .compactMap { $0.string(0) }
        }
        #expect(tables.contains("sessions"))
        #expect(!tables.contains("extra"))
        #expect(!tables.contains("never"))
    }

    @Test("duplicate migration ids are refused before anything runs")
    func duplicateIDs() throws {
        let db = try Database(path: ":memory:", readers: 0)
        #expect(throws: SQLiteError.self) {
            try Migrator.migrate(db, [migrations[0], migrations[0]])
        }
        #expect(try Migrator.appliedMigrations(db) == [])
    }

    @Test("a fresh database has no applied migrations")
    func freshDatabase() throws {
        let db = try Database(path: ":memory:", readers: 0)
        #expect(try Migrator.appliedMigrations(db).isEmpty)
    }
}
