/// Times one operation the way a micro-benchmark should: warm up, size the batches
/// from a first estimate, then report the median per-operation time of several batches.
public struct BenchTimer: Sendable {
    /// At most this many operations per batch (the `--iterations` flag).
    public var maxIterations: Int
    /// Timed batches; the median is reported.
    public var batches: Int
    /// Wanted duration of one batch, in nanoseconds.
    public var batchNanos: Int64

    public init(maxIterations: Int = 100_000, batches: Int = 7, batchNanos: Int64 = 60_000_000) {
        self.maxIterations = max(1, maxIterations)
        self.batches = max(1, batches)
        self.batchNanos = max(1, batchNanos)
    }

    /// Measures `body` (one operation per call).
    public func measure(_ body: () throws -> Void) rethrows -> Timing {
        // Warm-up: caches, lazy initialisation, branch predictors; also the estimate.
        var warmups = 0
        let warmStart = ContinuousClock.now
        var warmElapsed: Int64 = 0
        repeat {
            try body()
            warmups += 1
            warmElapsed = Self.nanos(warmStart.duration(to: .now))
        } while warmElapsed < batchNanos / 4 && warmups < maxIterations
        let estimate = max(1, warmElapsed / Int64(warmups))
        let perBatch = Int(min(Int64(maxIterations), max(1, batchNanos / estimate)))
        var samples: [Double] = []
        samples.reserveCapacity(batches)
        for _ in 0..<batches {
            let start = ContinuousClock.now
            for _ in 0..<perBatch { try body() }
            samples.append(Double(Self.nanos(start.duration(to: .now))) / Double(perBatch))
        }
        return Timing(samples: samples, iterationsPerBatch: perBatch)
    }

    static func nanos(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000
    }
}

/// What `BenchTimer.measure` found: nanoseconds per operation in each batch.
public struct Timing: Sendable {
    /// Nanoseconds per operation, one value per batch, in the order run.
    public let samples: [Double]
    /// Operations in each batch.
    public let iterationsPerBatch: Int

    /// The median over batches, in nanoseconds per operation.
    public var median: Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The spread of the batches, (max - min) / median, as a fraction.
    public var spread: Double {
        guard let low = samples.min(), let high = samples.max(), median > 0 else { return 0 }
        return (high - low) / median
    }
}
