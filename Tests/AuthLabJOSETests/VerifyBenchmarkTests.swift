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
    /// Nanoseconds per call of each body: the minimum over interleaved rounds, which keeps
    /// the comparison fair on a machine shared with other work.
    func measure(_ bodies: [() -> Void], rounds: Int = 15, iterations: Int = 20_000) -> [Double] {
        var best = [Double](repeating: .infinity, count: bodies.count)
        for _ in 0..<rounds {
            for (index, body) in bodies.enumerated() {
                let start = ContinuousClock.now
                for _ in 0..<iterations { body() }
                let elapsed = ContinuousClock.now - start
                let nanoseconds =
                    Double(elapsed.components.seconds) * 1e9
                    + Double(elapsed.components.attoseconds) / 1e9
                best[index] = min(best[index], nanoseconds / Double(iterations))
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
        let times = input.withUnsafeBytes { raw in
            signingInput.withUnsafeBytes { message in
                measure([
                    {
                        sink &+=
                            HMAC.authenticate(.sha256, key: hmacSecret, message: message)[0] == 0
                            ? 1 : 0
                    },
                    { sink &+= (try? verifier.verify(raw, now: testNow)) == nil ? 1 : 0 },
                    { sink &+= (try? CompactJWS.parse(raw)) == nil ? 1 : 0 },
                    { sink &+= (try? JSONParser.parse(payload)) == nil ? 1 : 0 },
                    { sink &+= (try? JWTClaims(object: object)) == nil ? 1 : 0 },
                ])
            }
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
