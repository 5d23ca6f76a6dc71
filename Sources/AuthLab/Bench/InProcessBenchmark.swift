public import AuthLabCrypto
public import AuthLabJOSE

/// `authlab bench`: the per-operation cost of every auth path, in process, each next
/// to the raw primitive measured in the same run.
public struct InProcessBenchmark: Sendable {
    /// How each operation is timed.
    public var timer: BenchTimer
    /// Algorithms to sign and verify with.
    public var algorithms: [JWSAlgorithm] = JWSAlgorithm.allCases
    /// Sizes of the sessions table to look sessions up in.
    public var sessionRows: [Int] = [1_000, 100_000, 1_000_000]
    /// Argon2id parameters of the password rows (the server's defaults).
    public var argon2: Argon2Parameters = Argon2Parameters()

    public init(timer: BenchTimer) {
        self.timer = timer
    }

    /// Runs every benchmark, calling `progress` with the name of each group as it starts.
    public func run(progress: (String) -> Void) throws -> [BenchResult] {
        var results: [BenchResult] = []
        for algorithm in algorithms {
            progress("jwt \(algorithm.rawValue)")
            results += try TokenBenchmarks.run(algorithm, timer: timer)
        }
        for rows in sessionRows {
            progress("sessions, \(rows) rows")
            results += try SessionBenchmarks.run(rows: rows, timer: timer)
        }
        progress("argon2id")
        var slow = timer
        slow.maxIterations = min(timer.maxIterations, 20)
        results += try PasswordBenchmarks.run(parameters: argon2, timer: slow)
        return results
    }
}
