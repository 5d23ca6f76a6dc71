import AuthLab
import AuthLabCLI
import Foundation

/// `authlab seed`: users and sessions for the benchmark.
struct SeedCommand: Command {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill a database with users and sessions (for the benchmark).",
        discussion: """
            Users are named <prefix>000000, <prefix>000001, ... and share one password \
            (hashed once). Sessions are spread over the users. With --export, the cookie \
            values of the first --export-count sessions are written one per line (the \
            database keeps only their SHA-256).
            """,
        options: [
            OptionSpec(
                long: "db", valueName: "path", help: "SQLite database to fill.", env: "AUTHLAB_DB",
                defaultValue: "./authlab.sqlite"),
            OptionSpec(
                long: "users", valueName: "n", help: "Users to create.", defaultValue: "1000"),
            OptionSpec(
                long: "sessions", valueName: "n", help: "Sessions to create.", defaultValue: "1000"),
            OptionSpec(
                long: "prefix", valueName: "name", help: "Username prefix.", defaultValue: "seed"),
            OptionSpec(
                long: "password", valueName: "text", help: "Password of every seeded user.",
                defaultValue: "seed-password"),
            OptionSpec(
                long: "export", valueName: "path",
                help: "File for the cookie values of the first sessions."),
            OptionSpec(
                long: "export-count", valueName: "n", help: "How many cookie values to export.",
                defaultValue: "1000"),
            OptionSpec(
                long: "argon2-memory", valueName: "kib",
                help: "Argon2id memory cost in KiB of the shared hash.", defaultValue: "19456"),
        ])

    let databasePath: String
    let plan: Seeder.Plan
    let exportPath: String?
    let exportCount: Int

    init(arguments: ParsedArguments) throws(ValidationError) {
        databasePath = arguments.string("db") ?? "./authlab.sqlite"
        var plan = Seeder.Plan()
        plan.users = try arguments.int("users", in: 1...100_000_000) ?? plan.users
        plan.sessions = try arguments.int("sessions", in: 0...100_000_000) ?? plan.sessions
        plan.usernamePrefix = arguments.string("prefix") ?? plan.usernamePrefix
        plan.password = arguments.string("password") ?? plan.password
        if let memory = try arguments.int("argon2-memory", in: 8...262_144) {
            plan.argon2MemoryKiB = UInt32(memory)
        }
        self.plan = plan
        exportPath = arguments.string("export")
        exportCount = try arguments.int("export-count", in: 0...100_000_000) ?? 1000
    }

    func validate() throws(ValidationError) {
        let prefixOK = plan.usernamePrefix.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
        guard prefixOK, (1...26).contains(plan.usernamePrefix.utf8.count) else {
            throw ValidationError("--prefix takes 1-26 characters of a-z, 0-9 and '_'")
        }
        guard (8...1024).contains(plan.password.utf8.count) else {
            throw ValidationError("--password must be 8-1024 bytes")
        }
    }

    func run(context: CommandContext) async throws {
        let onTerminal = isatty(STDERR_FILENO) == 1
        let started = Date()
        var lastPercent = -1
        let kept = try Seeder(databasePath: databasePath).run(
            plan, keep: exportPath == nil ? 0 : exportCount
        ) {
            done, total in
            let percent = total == 0 ? 100 : done * 100 / total
            guard percent != lastPercent else { return }
            lastPercent = percent
            if onTerminal {
                let bar =
                    String(repeating: "#", count: percent / 4)
                    + String(repeating: ".", count: 25 - percent / 4)
                context.output.writeError("\r[\(bar)] \(percent)% (\(done)/\(total) rows)")
            } else if percent % 10 == 0 {
                context.output.writeError("seed: \(percent)% (\(done)/\(total) rows)\n")
            }
        }
        if onTerminal { context.output.writeError("\n") }
        if let exportPath {
            let text = kept.joined(separator: "\n") + (kept.isEmpty ? "" : "\n")
            guard FileManager.default.createFile(atPath: exportPath, contents: Data(text.utf8))
            else {
                throw ValidationError("cannot write --export file")
            }
        }
        let seconds = Date().timeIntervalSince(started)
        context.output.write(
            "seeded \(plan.users) users and \(plan.sessions) sessions in \(String(format: "%.1f", seconds)) s\n"
        )
    }
}
