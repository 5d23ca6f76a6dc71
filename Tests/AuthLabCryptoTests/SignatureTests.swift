import AuthLabCrypto
import Foundation
import Testing

private let message = Array("authlab fixture message".utf8)

@Suite("Signatures")
struct SignatureTests {
    @Test("RS256 with the fixture key gives exactly the openssl CLI signature, and verifies")
    func rsaPKCS1Fixture() throws {
        let key = try PrivateKey(pem: fixture("test-rsa2048-private.pem"))
        let publicKey = try PublicKey(pem: fixture("test-rsa2048-public.pem"))
        let expected = try Base64URL.decode(
            fixture("test-rsa2048-rs256-signature.txt").trimmingCharacters(
                in: .whitespacesAndNewlines))
        let signature = try key.sign(.rsaPKCS1v15(.sha256), message: message)
        #expect(signature == expected)
        #expect(publicKey.verify(.rsaPKCS1v15(.sha256), signature: signature, message: message))
        #expect(!publicKey.verify(.rsaPKCS1v15(.sha384), signature: signature, message: message))
        #expect(!publicKey.verify(.rsaPSS(.sha256), signature: signature, message: message))
        var tampered = signature
        tampered[10] ^= 0x01
        #expect(!publicKey.verify(.rsaPKCS1v15(.sha256), signature: tampered, message: message))
        #expect(
            !publicKey.verify(.rsaPKCS1v15(.sha256), signature: signature, message: message + [0]))
        #expect(!publicKey.verify(.rsaPKCS1v15(.sha256), signature: [], message: message))
    }

    @Test(
        "PSS signs with a random salt and verifies for SHA-256, SHA-384 and SHA-512",
        arguments: DigestAlgorithm.allCases)
    func rsaPSS(_ digest: DigestAlgorithm) throws {
        let key = try PrivateKey(pem: fixture("test-rsa2048-private.pem"))
        let first = try key.sign(.rsaPSS(digest), message: message)
        let second = try key.sign(.rsaPSS(digest), message: message)
        #expect(first.count == 256)
        #expect(first != second)
        #expect(key.publicKey.verify(.rsaPSS(digest), signature: first, message: message))
        #expect(key.publicKey.verify(.rsaPSS(digest), signature: second, message: message))
        #expect(!key.publicKey.verify(.rsaPKCS1v15(digest), signature: first, message: message))
        #expect(!key.publicKey.verify(.rsaPSS(digest), signature: first, message: [0x61]))
    }

    @Test("ES256 gives 64-byte raw signatures that verify; DER and raw convert both ways")
    func ecdsa() throws {
        let key = try PrivateKey(pem: fixture("test-ec-p256-private.pem"))
        let signature = try key.sign(.ecdsaP256SHA256, message: message)
        #expect(signature.count == 64)
        #expect(key.publicKey.verify(.ecdsaP256SHA256, signature: signature, message: message))
        #expect(!key.publicKey.verify(.ecdsaP256SHA256, signature: signature, message: [1]))
        let der = try #require(ECDSASignature.der(fromRaw: signature))
        #expect(der.first == 0x30)
        #expect(try ECDSASignature.raw(fromDER: der) == signature)
        // A DER signature is not accepted where JWS wants raw r||s.
        #expect(!key.publicKey.verify(.ecdsaP256SHA256, signature: der, message: message))
        #expect(throws: CryptoError.invalidEncoding) {
            try ECDSASignature.raw(fromDER: [0x30, 0x01])
        }
    }

    @Test("ES256 signatures of 63 or 65 bytes, all zero, or with r or s zero are rejected")
    func ecdsaRejections() throws {
        let key = try PrivateKey(pem: fixture("test-ec-p256-private.pem"))
        let good = try key.sign(.ecdsaP256SHA256, message: message)
        let verifier = key.publicKey
        #expect(
            !verifier.verify(.ecdsaP256SHA256, signature: Array(good.dropLast()), message: message))
        #expect(!verifier.verify(.ecdsaP256SHA256, signature: good + [0], message: message))
        #expect(!verifier.verify(.ecdsaP256SHA256, signature: [0] + good, message: message))
        let zeros = [UInt8](repeating: 0, count: 64)
        #expect(!verifier.verify(.ecdsaP256SHA256, signature: zeros, message: message))
        #expect(!verifier.verify(.ecdsaP256SHA256, signature: zeros, message: []))
        let zeroR = [UInt8](repeating: 0, count: 32) + good[32...]
        let zeroS = Array(good[..<32]) + [UInt8](repeating: 0, count: 32)
        #expect(!verifier.verify(.ecdsaP256SHA256, signature: zeroR, message: message))
        #expect(!verifier.verify(.ecdsaP256SHA256, signature: zeroS, message: message))
        #expect(ECDSASignature.der(fromRaw: zeros) == nil)
        #expect(ECDSASignature.der(fromRaw: Array(good.prefix(63))) == nil)
    }

    @Test("Ed25519 reproduces the RFC 8037 A.4 signature exactly and verifies it (A.5)")
    func ed25519Vector() throws {
        let seed = try Base64URL.decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A")
        let key = try PrivateKey.ed25519(seed: seed)
        let input = Array("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc".utf8)
        let expected = try Base64URL.decode(
            "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
        )
        let signature = try key.sign(.ed25519, message: input)
        #expect(signature == expected)
        #expect(key.publicKey.verify(.ed25519, signature: expected, message: input))
        #expect(!key.publicKey.verify(.ed25519, signature: expected, message: input + [0x2E]))
        let other = try PrivateKey.generate(.ed25519)
        #expect(!other.publicKey.verify(.ed25519, signature: expected, message: input))
        #expect(
            !key.publicKey.verify(.ed25519, signature: Array(expected.dropLast()), message: input))
    }

    @Test("a key of the wrong kind verifies false and refuses to sign", arguments: KeyKind.allCases)
    func wrongKind(_ kind: KeyKind) throws {
        let key = try PrivateKey.generate(kind)
        let schemes: [SignatureScheme] = [
            .rsaPKCS1v15(.sha256), .rsaPSS(.sha256), .ecdsaP256SHA256, .ed25519,
        ]
        for scheme in schemes where scheme.keyKind != kind {
            #expect { try key.sign(scheme, message: message) } throws: {
                ($0 as? CryptoError)?.code == "key_mismatch"
            }
            let ownScheme = schemes.first { $0.keyKind == kind } ?? .ed25519
            let signature = try key.sign(ownScheme, message: message)
            #expect(!key.publicKey.verify(scheme, signature: signature, message: message))
            let padded = signature.count == 64 ? signature : Array(signature.prefix(64))
            #expect(!key.publicKey.verify(scheme, signature: padded, message: message))
        }
    }

    @Test("empty messages sign and verify, through the raw-buffer overloads too")
    func emptyMessage() throws {
        for kind in KeyKind.allCases {
            let key = try PrivateKey.generate(kind)
            let scheme: SignatureScheme =
                switch kind {
                case .rsa: .rsaPSS(.sha256)
                case .ecP256: .ecdsaP256SHA256
                case .ed25519: .ed25519
                }
            let signature = try [UInt8]().withUnsafeBytes { try key.sign(scheme, message: $0) }
            #expect(
                [UInt8]().withUnsafeBytes {
                    key.publicKey.verify(scheme, signature: signature, message: $0)
                })
        }
    }
}
