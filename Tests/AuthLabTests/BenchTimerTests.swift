import Testing

@testable import AuthLab

@Suite("BenchTimer and BenchTable")
struct BenchTimerTests {
    @Test("runs the requested batches, never more than maxIterations per batch")
    func batchesAndCap() {
        let timer = BenchTimer(maxIterations: 50, batches: 5, batchNanos: 1_000_000_000)
        var calls = 0
        let timing = timer.measure { calls += 1 }
        #expect(timing.samples.count == 5)
        #expect(timing.iterationsPerBatch == 50)
        // Warm-up stops at maxIterations too: at most 50 + 5 × 50 calls.
        #expect(calls <= 300)
        #expect(calls >= 250)
    }

    @Test("the median is the middle batch, or the mean of the middle two")
    func median() {
        #expect(Timing(samples: [5, 1, 3], iterationsPerBatch: 1).median == 3)
        #expect(Timing(samples: [4, 1, 3, 2], iterationsPerBatch: 1).median == 2.5)
        #expect(Timing(samples: [], iterationsPerBatch: 1).median == 0)
    }

    @Test("a result reports its ratio to the raw primitive and whether the target holds")
    func ratioAndTarget() {
        let path = Timing(samples: [400], iterationsPerBatch: 1)
        let raw = Timing(samples: [100], iterationsPerBatch: 1)
        let within = BenchResult(
            operation: "op", group: "jwt", timing: path, raw: ("raw", raw), targetRatio: 5)
        let beyond = BenchResult(
            operation: "op", group: "jwt", timing: path, raw: ("raw", raw), targetRatio: 3)
        #expect(within.ratio == 4)
        #expect(within.targetMet == true)
        #expect(beyond.targetMet == false)
        #expect(BenchResult(operation: "op", group: "x", timing: path, raw: nil).ratio == nil)
    }

    @Test("durations print in a readable unit with fixed decimals")
    func durations() {
        #expect(BenchTable.duration(840) == "840 ns")
        #expect(BenchTable.duration(2_345) == "2.35 µs")
        #expect(BenchTable.duration(17_600_000) == "17.6 ms")
        #expect(BenchTable.fixed(0.05, 1) == "0.1")
        #expect(BenchTable.fixed(.infinity, 1) == "-")
    }
}
