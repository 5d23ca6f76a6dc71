import AuthLabCrypto
import Testing

@Suite("Key import and export")
struct KeyImportTests {
    @Test(
        "PEM private keys of each accepted kind and format load with the right kind",
        arguments: [
            ("test-rsa2048-private.pem", KeyKind.rsa), ("test-rsa2048-traditional.pem", .rsa),
            ("test-ec-p256-private.pem", .ecP256), ("test-ec-p256-sec1.pem", .ecP256),
            ("test-ed25519-private.pem", .ed25519),
        ])
    func privatePEM(_ name: String, _ kind: KeyKind) throws {
        let key = try PrivateKey(pem: fixture(name))
        #expect(key.kind == kind)
        #expect(key.publicKey.kind == kind)
    }

    @Test("traditional and PKCS#8 encodings of one key give the same public key")
    func formatsAgree() throws {
        let pkcs8 = try PrivateKey(pem: fixture("test-rsa2048-private.pem"))
        let traditional = try PrivateKey(pem: fixture("test-rsa2048-traditional.pem"))
        #expect(pkcs8.publicKey == traditional.publicKey)
        let ec = try PrivateKey(pem: fixture("test-ec-p256-private.pem"))
        let sec1 = try PrivateKey(pem: fixture("test-ec-p256-sec1.pem"))
        #expect(ec.publicKey == sec1.publicKey)
        #expect(ec.publicKey != pkcs8.publicKey)
    }

    @Test(
        "SPKI public keys load and equal the public half of their private key",
        arguments: [
            ("test-rsa2048-public.pem", "test-rsa2048-private.pem"),
            ("test-ec-p256-public.pem", "test-ec-p256-private.pem"),
            ("test-ed25519-public.pem", "test-ed25519-private.pem"),
        ])
    func publicPEM(_ publicName: String, _ privateName: String) throws {
        let publicKey = try PublicKey(pem: fixture(publicName))
        let privateKey = try PrivateKey(pem: fixture(privateName))
        #expect(publicKey == privateKey.publicKey)
    }

    @Test("PEM export re-imports to the same key", arguments: KeyKind.allCases)
    func pemRoundTrip(_ kind: KeyKind) throws {
        let key = try PrivateKey.generate(kind)
        let pem = try key.pemPKCS8()
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let again = try PrivateKey(pem: pem)
        #expect(again.kind == kind)
        #expect(again.publicKey == key.publicKey)
        let publicPEM = try key.publicKey.pem()
        #expect(publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(try PublicKey(pem: publicPEM) == key.publicKey)
    }

    @Test("RSA keys under 2048 bits are refused, as PEM and as components")
    func smallRSA() throws {
        let small = try fixture("test-rsa1024-private.pem")
        #expect(throws: CryptoError.invalidKey("RSA keys must be at least 2048 bits")) {
            try PrivateKey(pem: small)
        }
        let smallPublic = try fixture("test-rsa1024-public.pem")
        #expect(throws: CryptoError.invalidKey("RSA keys must be at least 2048 bits")) {
            try PublicKey(pem: smallPublic)
        }
        let n = [UInt8](repeating: 0xFF, count: 128)
        #expect(throws: CryptoError.invalidKey("RSA keys must be at least 2048 bits")) {
            try PublicKey.rsa(n: n, e: [1, 0, 1])
        }
    }

    @Test("an EC key on another curve is refused")
    func wrongCurve() throws {
        let pem = try fixture("test-ec-p384-private.pem")
        #expect(throws: CryptoError.invalidKey("EC keys must be on P-256")) {
            try PrivateKey(pem: pem)
        }
    }

    @Test(
        "garbage, truncated, encrypted or mismatched PEM gives a typed invalid_key error",
        arguments: [
            "", "not a key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            "-----BEGIN PRIVATE KEY-----\n", String(repeating: "A", count: 2_000_000),
        ])
    func garbage(_ text: String) {
        #expect { try PrivateKey(pem: text) } throws: { ($0 as? CryptoError)?.code != nil }
        #expect { try PublicKey(pem: text) } throws: { ($0 as? CryptoError)?.code != nil }
    }

    @Test("an encrypted key is refused without prompting, and a public PEM is not a private key")
    func encryptedAndSwapped() throws {
        let encrypted = try fixture("test-ec-p256-encrypted.pem")
        #expect { try PrivateKey(pem: encrypted) } throws: {
            ($0 as? CryptoError)?.code == "invalid_key"
        }
        let publicPEM = try fixture("test-ec-p256-public.pem")
        #expect { try PrivateKey(pem: publicPEM) } throws: {
            ($0 as? CryptoError)?.code == "invalid_key"
        }
        let privatePEM = try fixture("test-ec-p256-private.pem")
        #expect { try PublicKey(pem: privatePEM) } throws: {
            ($0 as? CryptoError)?.code == "invalid_key"
        }
    }
}
