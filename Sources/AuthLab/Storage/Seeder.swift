import AuthLabCrypto
import AuthLabSQLite

/// Fills a database with users and sessions for the benchmark, fast: one Argon2id
/// hash shared by every seeded user, a page cache large enough to hold the tables,
/// and sessions inserted in key order inside as few transactions as possible.
///
/// Why it is shaped this way (1M sessions went from 84 s to a few seconds): session
/// ids are random, so each row lands on a random B-tree page. With SQLite's default
/// 2 MiB cache and a commit every 10,000 rows, every commit rewrote most of the table
/// into the WAL. A large cache, one transaction per `transactionRows` and rows sorted
/// by `id_hash` within each chunk make the load sequential.
public struct Seeder: Sendable {
    /// What to create.
    public struct Plan: Sendable {
        public var users = 1_000
        public var sessions = 1_000
        public var usernamePrefix = "seed"
        public var password = "seed-password"
        /// Rows between two progress reports (and the unit that is sorted before insert).
        public var batchSize = 50_000
        /// Rows per transaction (the WAL holds one transaction's pages).
        public var transactionRows = 2_000_000
        public var sessionTTL: Int64 = 86_400
        /// Argon2id memory cost of the one shared hash, in KiB.
        public var argon2MemoryKiB: UInt32 = 19_456

        public init() {}
    }

    public let databasePath: String

    public init(databasePath: String) {
        self.databasePath = databasePath
    }

    /// Creates the users and sessions; returns the cookie values of the sessions
    /// (at most `keep` of them, the first ones) so a benchmark can present them.
    /// `progress` is called after each batch with (done, total).
    public func run(_ plan: Plan, keep: Int, progress: (Int, Int) -> Void) throws -> [String] {
        let database = try Database(path: databasePath, readers: 0)
        defer { database.close() }
        try Migrator.migrate(database, Migrations.all)
        // Negative: KiB. Only what is used is allocated; 1M sessions take ~160 MiB.
        try database.write { conn in try conn.execute("PRAGMA cache_size = -1048576") }
        let hash = try Argon2id.hash(
            password: Array(plan.password.utf8),
            parameters: Argon2Parameters(memoryKiB: plan.argon2MemoryKiB))
        let now = Monotonic.unixSeconds()
        let total = plan.users + plan.sessions
        let firstUser =
            try database.read { conn in
                try conn.queryOne("SELECT COALESCE(MAX(id), 0) FROM users", [])?.int64(0) ?? 0
            } + 1
        try inChunks(of: plan, rows: plan.users, database: database) { conn, range in
            for index in range {
                try conn.execute(
                    "INSERT INTO users (id, username, password_hash, created_at) VALUES (?, ?, ?, ?)",
                    [
                        .integer(firstUser + Int64(index)),
                        .text(Self.username(plan.usernamePrefix, index)),
                        .text(hash), .integer(now),
                    ])
            }
            progress(range.upperBound, total)
        }
        var kept: [String] = []
        try inChunks(of: plan, rows: plan.sessions, database: database) { conn, range in
            var rows: [(hash: [UInt8], user: Int64)] = []
            rows.reserveCapacity(range.count)
            for index in range {
                let id = Base64URL.encode(try SecureRandom.bytes(32))
                if kept.count < keep { kept.append(id) }
                rows.append((SessionStore.hash(id), firstUser + Int64(index % max(1, plan.users))))
            }
            rows.sort { $0.hash.lexicographicallyPrecedes($1.hash) }
            for row in rows {
                try conn.execute(
                    """
                    INSERT INTO sessions (id_hash, user_id, created_at, expires_at, last_seen_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                    [
                        .blob(row.hash), .integer(row.user), .integer(now),
                        .integer(now + plan.sessionTTL), .integer(now),
                    ])
            }
            progress(plan.users + range.upperBound, total)
        }
        return kept
    }

    /// Calls `body` for consecutive ranges of `batchSize` rows, `transactionRows` rows
    /// per write transaction.
    private func inChunks(
        of plan: Plan, rows: Int, database: Database,
        _ body: (Connection, Range<Int>) throws -> Void
    ) throws {
        let batch = max(1, plan.batchSize)
        let perTransaction = max(batch, plan.transactionRows)
        var done = 0
        while done < rows {
            let end = min(rows, done + perTransaction)
            try database.write { conn in
                var start = done
                while start < end {
                    let stop = min(end, start + batch)
                    try body(conn, start..<stop)
                    start = stop
                }
            }
            done = end
        }
    }

    /// `seed000042`-style names, valid under the registration rules.
    public static func username(_ prefix: String, _ index: Int) -> String {
        let digits = String(index)
        return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
