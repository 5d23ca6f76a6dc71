import AuthLabCrypto
import AuthLabSQLite

/// Fills a database with users and sessions for the benchmark, fast: one Argon2id
/// hash shared by every seeded user, and one transaction per batch.
public struct Seeder: Sendable {
    /// What to create.
    public struct Plan: Sendable {
        public var users = 1_000
        public var sessions = 1_000
        public var usernamePrefix = "seed"
        public var password = "seed-password"
        public var batchSize = 10_000
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
        let hash = try Argon2id.hash(
            password: Array(plan.password.utf8),
            parameters: Argon2Parameters(memoryKiB: plan.argon2MemoryKiB))
        let now = Monotonic.unixSeconds()
        let total = plan.users + plan.sessions
        var done = 0
        let firstUser =
            try database.read { conn in
                try conn.queryOne("SELECT COALESCE(MAX(id), 0) FROM users", [])?.int64(0) ?? 0
            } + 1
        while done < plan.users {
            let count = min(plan.batchSize, plan.users - done)
            try database.write { conn in
                for index in done..<(done + count) {
                    try conn.execute(
                        "INSERT INTO users (id, username, password_hash, created_at) VALUES (?, ?, ?, ?)",
                        [
                            .integer(firstUser + Int64(index)),
                            .text(Self.username(plan.usernamePrefix, index)),
                            .text(hash), .integer(now),
                        ])
                }
            }
            done += count
            progress(done, total)
        }
        var kept: [String] = []
        var made = 0
        while made < plan.sessions {
            let count = min(plan.batchSize, plan.sessions - made)
            try database.write { conn in
                for index in made..<(made + count) {
                    let id = Base64URL.encode(try SecureRandom.bytes(32))
                    if kept.count < keep { kept.append(id) }
                    let user = firstUser + Int64(index % max(1, plan.users))
                    try conn.execute(
                        """
                        INSERT INTO sessions (id_hash, user_id, created_at, expires_at, last_seen_at)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                        [
                            .blob(SessionStore.hash(id)), .integer(user), .integer(now),
                            .integer(now + plan.sessionTTL), .integer(now),
                        ])
                }
            }
            made += count
            progress(plan.users + made, total)
        }
        return kept
    }

    /// `seed000042`-style names, valid under the registration rules.
    public static func username(_ prefix: String, _ index: Int) -> String {
        let digits = String(index)
        return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
