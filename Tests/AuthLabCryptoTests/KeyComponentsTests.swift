import AuthLabCrypto
import Testing

@Suite("JWK key components")
struct KeyComponentsTests {
    @Test("RSA private components round-trip: import, export, equal, and the key still signs")
    func rsaRoundTrip() throws {
        let original = try PrivateKey(pem: fixture("test-rsa2048-private.pem"))
        let parts = try original.rsaPrivateComponents
        #expect(parts.e == [0x01, 0x00, 0x01])
        #expect(parts.n.count == 256)
        let rebuilt = try PrivateKey.rsa(
            n: parts.n, e: parts.e, d: parts.d, p: parts.p, q: parts.q, dp: parts.dp,
            dq: parts.dq, qi: parts.qi)
        #expect(try rebuilt.rsaPrivateComponents == parts)
        #expect(rebuilt.publicKey == original.publicKey)
        let publicParts = try original.publicKey.rsaPublicComponents
        #expect(publicParts.n == parts.n && publicParts.e == parts.e)
        let publicOnly = try PublicKey.rsa(n: publicParts.n, e: publicParts.e)
        #expect(publicOnly == original.publicKey)
        let message = Array("rebuilt".utf8)
        let signature = try rebuilt.sign(.rsaPKCS1v15(.sha256), message: message)
        #expect(publicOnly.verify(.rsaPKCS1v15(.sha256), signature: signature, message: message))
    }

    @Test("RSA from n, e, d alone signs; partial CRT values or mismatched ones are refused")
    func rsaPartial() throws {
        let parts = try PrivateKey(pem: fixture("test-rsa2048-private.pem")).rsaPrivateComponents
        let minimal = try PrivateKey.rsa(n: parts.n, e: parts.e, d: parts.d)
        let message = Array("minimal".utf8)
        let signature = try minimal.sign(.rsaPSS(.sha256), message: message)
        #expect(minimal.publicKey.verify(.rsaPSS(.sha256), signature: signature, message: message))
        #expect(throws: CryptoError.self) {
            try PrivateKey.rsa(n: parts.n, e: parts.e, d: parts.d, p: parts.p)
        }
        #expect(throws: CryptoError.self) {
            try PrivateKey.rsa(
                n: parts.n, e: parts.e, d: parts.d, p: parts.q, q: parts.p, dp: parts.dp,
                dq: parts.dq, qi: parts.dp)
        }
    }

    @Test("EC P-256 components round-trip and a mismatched scalar is refused")
    func ecRoundTrip() throws {
        let original = try PrivateKey(pem: fixture("test-ec-p256-private.pem"))
        let (x, y) = try original.publicKey.ecPublicCoordinates
        let d = try original.ecPrivateScalar
        #expect(x.count == 32 && y.count == 32 && d.count == 32)
        let rebuilt = try PrivateKey.ecP256(x: x, y: y, d: d)
        #expect(try rebuilt.ecPrivateScalar == d)
        #expect(rebuilt.publicKey == original.publicKey)
        #expect(try PublicKey.ecP256(x: x, y: y) == original.publicKey)
        let other = try PrivateKey.generate(.ecP256).ecPrivateScalar
        #expect(throws: CryptoError.invalidKey("the private and public components do not match")) {
            try PrivateKey.ecP256(x: x, y: y, d: other)
        }
    }

    @Test("EC coordinates of the wrong length or off the curve are refused")
    func ecInvalid() throws {
        let (x, y) = try PrivateKey.generate(.ecP256).publicKey.ecPublicCoordinates
        #expect(throws: CryptoError.self) { try PublicKey.ecP256(x: Array(x.dropFirst()), y: y) }
        #expect(throws: CryptoError.self) { try PublicKey.ecP256(x: x + [0], y: y) }
        var offCurve = y
        offCurve[31] ^= 1
        #expect(throws: CryptoError.self) { try PublicKey.ecP256(x: x, y: offCurve) }
    }

    @Test("Ed25519 RFC 8037 A.1 key: the seed gives the published public key")
    func ed25519Components() throws {
        let seed = try Base64URL.decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A")
        let x = try Base64URL.decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
        let key = try PrivateKey.ed25519(seed: seed)
        #expect(try key.publicKey.ed25519PublicRaw == x)
        #expect(try key.ed25519Seed == seed)
        #expect(try PublicKey.ed25519(x) == key.publicKey)
        #expect(throws: CryptoError.self) { try PublicKey.ed25519(Array(x.dropLast())) }
        #expect(throws: CryptoError.self) { try PrivateKey.ed25519(seed: seed + [0]) }
    }

    @Test("asking a key for another kind's components throws key_mismatch")
    func wrongKindAccessors() throws {
        let ed = try PrivateKey.generate(.ed25519)
        #expect { try ed.rsaPrivateComponents } throws: {
            ($0 as? CryptoError)?.code == "key_mismatch"
        }
        #expect { try ed.publicKey.ecPublicCoordinates } throws: {
            ($0 as? CryptoError)?.code == "key_mismatch"
        }
        let ec = try PrivateKey.generate(.ecP256)
        #expect { try ec.ed25519Seed } throws: { ($0 as? CryptoError)?.code == "key_mismatch" }
    }
}
