import AuthLab
import AuthLabCLI
import Foundation

/// `authlab bench`: what each auth path costs per operation, in process.
struct BenchCommand: Command {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time every auth path in process, next to the raw primitive it is built on.",
        discussion: """
            JWT sign and verify for every algorithm (through the server's TokenService: \
            claims, JSON, base64url, signature, claim checks) against a raw HMAC or OpenSSL \
            verify over the same bytes; session lookup and create through the real \
            SessionStore on a temporary SQLite file against a bare primary-key SELECT; \
            Argon2id with the default parameters. Each figure is the median of several \
            batches after a warm-up. Targets are reported, not asserted. For the HTTP \
            benchmark, see scripts/bench.
            """,
        options: [
            OptionSpec(
                long: "iterations", valueName: "n",
                help: "Most operations per timed batch (batches last about 60 ms otherwise).",
                defaultValue: "100000"),
            OptionSpec(
                long: "batches", valueName: "n", help: "Timed batches per operation (median).",
                defaultValue: "7"),
            OptionSpec(
                long: "sessions", valueName: "list",
                help: "Sizes of the sessions table, comma-separated.",
                defaultValue: "1000,100000,1000000"),
            .flag(long: "json", help: "Print JSON (times in nanoseconds) instead of a table."),
            .flag(
                long: "quick",
                help: "A smoke run: 3 short batches, 1000 sessions (unless given)."),
        ])

    let benchmark: InProcessBenchmark
    let json: Bool

    init(arguments: ParsedArguments) throws(ValidationError) {
        let quick = arguments.flag("quick")
        var timer = BenchTimer(
            maxIterations: quick ? 2_000 : 100_000, batches: quick ? 3 : 7,
            batchNanos: quick ? 10_000_000 : 60_000_000)
        // Explicit values win over --quick; the defaults shown in --help are the full run's.
        if arguments.source(of: "iterations") != .defaultValue,
            let iterations = try arguments.int("iterations", in: 1...100_000_000)
        {
            timer.maxIterations = iterations
        }
        if arguments.source(of: "batches") != .defaultValue,
            let batches = try arguments.int("batches", in: 1...1_000)
        {
            timer.batches = batches
        }
        var benchmark = InProcessBenchmark(timer: timer)
        if arguments.source(of: "sessions") != .defaultValue,
            let list = arguments.string("sessions")
        {
            benchmark.sessionRows = try Self.sizes(list)
        } else if quick {
            benchmark.sessionRows = [1_000]
        }
        self.benchmark = benchmark
        json = arguments.flag("json")
    }

    /// `1000,100000` as sizes of 1 to 100,000,000 rows.
    static func sizes(_ list: String) throws(ValidationError) -> [Int] {
        var sizes: [Int] = []
        for item in list.split(separator: ",", omittingEmptySubsequences: false) {
            guard let size = Int(item.trimmingCharacters(in: .whitespaces)),
                (1...100_000_000).contains(size)
            else {
                throw ValidationError(
                    "--sessions takes sizes of 1-100000000 rows, e.g. 1000,100000")
            }
            sizes.append(size)
        }
        return sizes
    }

    func run(context: CommandContext) async throws {
        let results = try benchmark.run { group in
            context.output.writeError("bench: \(group)\n")
        }
        context.output.write(
            json ? BenchTable.json(results, timer: benchmark.timer) : BenchTable.text(results))
    }
}
