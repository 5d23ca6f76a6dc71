import AuthLabCrypto
import AuthLabJOSE
import FuzzSupport

/// The keys of the token target: the RFC 7515 A.1 HMAC secret, the RFC 7515 A.3 P-256 key
/// and the RFC 8037 Ed25519 key (public test vectors), so the RFC tokens are seeds too.
enum TokenKeys {
    /// One key of the ring with the means to sign arbitrary bytes with it.
    struct Key: Sendable {
        let signingKey: SigningKey
        let sign: @Sendable ([UInt8]) throws -> [UInt8]
    }

    static let hmac: Key = fixture("HS256 key") {
        let secret = try Base64URL.decode(
            "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"
        )
        return Key(
            signingKey: try SigningKey(secret: secret, algorithm: .hs256, kid: "hs"),
            sign: { HMAC.authenticate(.sha256, key: secret, message: $0) })
    }

    static let ec: Key = fixture("ES256 key") {
        let key = try PrivateKey.ecP256(
            x: try Base64URL.decode("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"),
            y: try Base64URL.decode("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"),
            d: try Base64URL.decode("jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"))
        return Key(
            signingKey: try SigningKey(privateKey: key, algorithm: .es256, kid: "ec"),
            sign: { try key.sign(.ecdsaP256SHA256, message: $0) })
    }

    static let ed: Key = fixture("EdDSA key") {
        let key = try PrivateKey.ed25519(
            seed: try Base64URL.decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"))
        return Key(
            signingKey: try SigningKey(privateKey: key, algorithm: .edDSA, kid: "ed"),
            sign: { try key.sign(.ed25519, message: $0) })
    }

    static let all = [hmac, ec, ed]

    /// Verifiers over the three-key ring and over each key alone (kid-less RFC tokens
    /// verify there), with default and with strict claims options.
    static let verifiers: [TokenVerifier] = fixture("verifiers") {
        let ring = try KeyRing(all.map(\.signingKey))
        let strict = ValidationOptions(
            issuer: "joe", audience: "authlab", leeway: 0, maxAge: 3600, requireSubject: true)
        let relaxed = ValidationOptions(leeway: 86400, requireSubject: false)
        return [
            TokenVerifier(keyRing: ring),
            TokenVerifier(keyRing: ring, options: strict),
            TokenVerifier(keyRing: try KeyRing([hmac.signingKey]), options: relaxed),
            TokenVerifier(keyRing: try KeyRing([ec.signingKey]), options: relaxed),
            TokenVerifier(keyRing: try KeyRing([ed.signingKey]), options: relaxed),
        ]
    }

    /// The verification time: just before the RFC tokens' `exp` (1300819380).
    static let now: Int64 = 1_300_819_000
}
