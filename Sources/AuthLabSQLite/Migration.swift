/// One schema change: a stable id and the SQL script that applies it.
///
/// Migrations are append-only: once shipped, a migration is never edited or
/// removed; a new one is added instead.
public struct Migration: Sendable, Equatable {
    public let id: String
    public let sql: String

    public init(id: String, sql: String) {
        self.id = id
        self.sql = sql
    }
}

/// Applies migrations in order, each once, recorded in `schema_migrations`.
public enum Migrator {
    /// Applies every migration not yet recorded, each in its own transaction,
    /// and returns the ids applied now. A failing migration is rolled back and
    /// rethrown; the ones before it stay applied.
    @discardableResult
    public static func migrate(_ database: Database, _ migrations: [Migration]) throws
        -> [String]
    {
        var seen: Set<String> = []
        for migration in migrations where !seen.insert(migration.id).inserted {
            throw SQLiteError(
                resultCode: .misuse, message: "duplicate migration id \(migration.id)")
        }
        try database.write { connection in
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id TEXT PRIMARY KEY NOT NULL, applied_at INTEGER NOT NULL)
                """)
        }
        var applied: [String] = []
        for migration in migrations {
            let ran = try database.write { connection in
                // Checked inside the transaction: another process may have just run it.
                let done = try connection.queryOne(
                    "SELECT 1 FROM schema_migrations WHERE id = ?", [.text(migration.id)])
                guard done == nil else { return false }
                try connection.executeScript(migration.sql)
                try connection.execute(
                    """
                    INSERT INTO schema_migrations (id, applied_at)
                    VALUES (?, CAST(strftime('%s', 'now') AS INTEGER))
                    """, [.text(migration.id)])
                return true
            }
            if ran { applied.append(migration.id) }
        }
        return applied
    }

    /// The ids recorded in `schema_migrations`, in the order they were applied.
    public static func appliedMigrations(_ database: Database) throws -> [String] {
        try database.read { connection in
            let table = try connection.queryOne(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
            guard table != nil else { return [] }
            return try connection.query("SELECT id FROM schema_migrations ORDER BY rowid")
                .compactMap { $0.string(0) }
        }
    }
}
