import AuthLabCrypto
import AuthLabJSON
import Foundation
import Testing

@testable import AuthLabJOSE

/// A micro benchmark of the HS256 hot path against raw HMAC-SHA256 of the same signing input.
/// Off by default; run in release with:
/// `AUTHLAB_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter VerifyBenchmark`
@Suite(
    "VerifyBenchmark", .enabled(if: ProcessInfo.processInfo.environment["AUTHLAB_BENCH"] == "1"))
struct VerifyBenchmarkTests {
    /// Nanoseconds of this thread's CPU time (not wall time, so other processes on a shared
    /// machine do not count).
    func threadCPUTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1e9 + Double(spec.tv_nsec)
    }

    /// CPU nanoseconds per call of each body: the minimum over interleaved rounds.
    func measure(_ bodies: [() -> Void], rounds: Int = 15, iterations: Int = 20_000) -> [Double] {
        var best = [Double](repeating: .infinity, count: bodies.count)
        for _ in 0..<rounds {
            for (index, body) in bodies.enumerated() {
                let start = threadCPUTime()
                for _ in 0..<iterations { body() }
                best[index] = min(best[index], (threadCPUTime() - start) / Double(iterations))
            }
        }
        return best
    }

    @Test("HS256 verify (decode, parse, validate) stays within 5x raw HMAC-SHA256")
    func hs256() throws {
        let ring = try hs256Ring()
        let verifier = TokenVerifier(keyRing: ring, options: goodOptions)
        let token = try TokenSigner(keyRing: ring).sign(claims: goodClaims())
        let input = Array(token.utf8)
        let signingInput = Array(token.split(separator: ".").prefix(2).joined(separator: ".").utf8)
        let payload = try CompactJWS.verifySignature(token, keyRing: ring).jws.payload
        let object = try #require(try JSONParser.parse(payload).objectValue)
        var sink = 0
        let bodies: [(UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void] = [
            { _, message in
                sink &+=
                    HMAC.authenticate(.sha256, key: hmacSecret, message: message)[0] == 0 ? 1 : 0
            },
            { raw, _ in sink &+= (try? verifier.verify(raw, now: testNow)) == nil ? 1 : 0 },
            { raw, _ in sink &+= (try? CompactJWS.parse(raw)) == nil ? 1 : 0 },
            { _, _ in sink &+= (try? JSONParser.parse(payload)) == nil ? 1 : 0 },
            { _, _ in sink &+= (try? JWTClaims(object: object)) == nil ? 1 : 0 },
        ]
        // AUTHLAB_BENCH_ONLY=i runs body i alone (for a profiler):
        // 0 HMAC, 1 verify, 2 parse, 3 claims JSON, 4 claim types.
        let only = ProcessInfo.processInfo.environment["AUTHLAB_BENCH_ONLY"].flatMap { Int($0) }
        let selected = only.map { [bodies[$0]] } ?? bodies
        let times = input.withUnsafeBytes { raw in
            signingInput.withUnsafeBytes { message in
                measure(selected.map { body in { body(raw, message) } })
            }
        }
        guard times.count == bodies.count else {
            print("bench: body \(only ?? -1) alone: \(times[0]) ns")
            return
        }
        print(
            String(
                format: "bench: %d-byte token: HMAC-SHA256 %.0f ns, verify %.0f ns (%.2fx); "
                    + "of which split+base64url+header %.0f ns, claims JSON %.0f ns, claim types %.0f ns",
                input.count, times[0], times[1], times[1] / times[0], times[2], times[3], times[4]))
        #expect(sink == 0)
        #expect(times[1] < 5 * times[0])
    }
}
