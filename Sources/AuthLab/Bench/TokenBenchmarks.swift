import AuthLabCrypto
import AuthLabJOSE

/// Sign and verify of every JWS algorithm through the server's own `TokenService`
/// (claims object, JSON, base64url, signature, claim checks), next to the bare
/// primitive over the same signing input.
enum TokenBenchmarks {
    /// HS256 verify incl. JSON and claims: within 5x a raw HMAC (a target, not a test).
    static let hmacTarget = 5.0
    /// Asymmetric verify incl. JSON and claims: within 1.2x the raw OpenSSL verify.
    static let asymmetricTarget = 1.2

    static func run(_ algorithm: JWSAlgorithm, timer: BenchTimer) throws -> [BenchResult] {
        let name = algorithm.rawValue
        let digest = algorithm.properties.digest
        let (key, rawSign, rawVerify, rawName): (SigningKey, Primitive, Primitive, String)
        if algorithm.isSymmetric {
            let secret = try SecureRandom.bytes(digest.outputLength)
            key = try SigningKey(secret: secret, algorithm: algorithm)
            let hmac = try HMACKey(digest, key: secret)
            rawSign = { input, _ in hmac.authenticate(input).count }
            rawVerify = { input, signature in
                ConstantTime.equals(hmac.authenticate(input), signature) ? 1 : 0
            }
            rawName = "HMACKey \(digest.rawValue) + constant-time compare"
        } else {
            guard let kind = algorithm.keyKind, let scheme = algorithm.signatureScheme else {
                throw BenchError("\(name) has no key kind")
            }
            let privateKey = try PrivateKey.generate(kind)
            key = try SigningKey(privateKey: privateKey, algorithm: algorithm)
            rawSign = { input, _ in try privateKey.sign(scheme, message: input).count }
            rawVerify = { input, signature in
                privateKey.publicKey.verify(scheme, signature: signature, message: input) ? 1 : 0
            }
            rawName = "PublicKey.verify (OpenSSL EVP_DigestVerify)"
        }
        let tokens = TokenService(keyRing: try KeyRing([key]), config: AppConfig())
        let user = User(id: 42, username: "bench_user")
        let now = Monotonic.unixSeconds()
        let token = try tokens.accessToken(for: user, now: now)
        guard let dot = token.utf8.lastIndex(of: UInt8(ascii: ".")) else {
            throw BenchError("the signer made a token without segments")
        }
        let input = Array(token.utf8[..<dot])
        let signature = try Base64URL.decode(String(token[token.index(after: dot)...]))
        guard try rawVerify(input, signature) == 1 else {
            throw BenchError("raw verify of \(name) failed")
        }
        var sink = 0
        let sign = try timer.measure {
            sink &+= try tokens.accessToken(for: user, now: now).utf8.count
        }
        let signRaw = try timer.measure { sink &+= try rawSign(input, signature) }
        let verify = try timer.measure {
            sink &+= try tokens.verifier.verify(token, now: now).claims.object.count
        }
        let verifyRaw = try timer.measure { sink &+= try rawVerify(input, signature) }
        var results = [
            BenchResult(
                operation: "jwt sign \(name)", group: "jwt", timing: sign,
                raw: (
                    algorithm.isSymmetric ? "HMACKey \(digest.rawValue)" : "PrivateKey.sign",
                    signRaw
                )),
            BenchResult(
                operation: "jwt verify \(name)", group: "jwt", timing: verify,
                raw: (rawName, verifyRaw),
                targetRatio: algorithm.isSymmetric ? hmacTarget : asymmetricTarget),
        ]
        if algorithm.isSymmetric {
            // What the verifier calls today: a one-shot HMAC that sets the key up each time.
            let secret = try SecureRandom.bytes(digest.outputLength)
            let oneShot = timer.measure {
                sink &+=
                    input.withUnsafeBytes { HMAC.authenticate(digest, key: secret, message: $0) }
                    .count
            }
            results.append(
                BenchResult(
                    operation: "HMAC.authenticate one-shot \(digest.rawValue)", group: "jwt",
                    timing: oneShot, raw: ("HMACKey \(digest.rawValue)", signRaw)))
        }
        if sink == 42 { print("", terminator: "") }  // keeps `sink` observable
        return results
    }

    /// A raw operation over (signing input, signature).
    typealias Primitive = ([UInt8], [UInt8]) throws -> Int
}

/// A benchmark that could not set itself up (never a measurement result).
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
