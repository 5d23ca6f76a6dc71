import AuthLabCrypto
import AuthLabJSON
import Testing

@testable import AuthLabJOSE

/// Published vectors, verified byte for byte on the received token with an injected clock.
///
/// The RFC payloads carry `iss` and `exp` but no `sub` (and RFC 7520/8037 payloads are not JSON
/// at all), so signatures are checked with `CompactJWS.verifySignature` (signature level only),
/// and the claims policy separately through `TokenVerifier` with `requireSubject: false`.
@Suite("RFC vectors")
struct RFCVectorTests {
    /// The vector's key as a one-key ring, with the `alg` (and `kid`) our key policy requires.
    func ring(_ vector: JSONValue, alg: String, kid: String = "rfc") throws -> KeyRing {
        let jwk = try adding(
            ["alg": .string(alg), "kid": .string(kid)], to: try #require(vector["jwk"]))
        return try KeyRing([try SigningKey(jwk: jwk)])
    }

    func token(_ vector: JSONValue) throws -> String {
        try #require(vector["token"]?.stringValue)
    }

    /// Before the 2011 `exp` of the RFC 7515 examples, and after it.
    let before2011: Int64 = 1_300_819_370
    let rfcOptions = ValidationOptions(issuer: "joe", requireSubject: false)

    @Test("RFC 7515 A.1: HS256 over a header with CRLF verifies on the received bytes")
    func a1() throws {
        let vector = try fixture("rfc7515-a1")
        let keyRing = try ring(vector, alg: "HS256")
        let (jws, _) = try CompactJWS.verifySignature(try token(vector), keyRing: keyRing)
        #expect(jws.headerBytes.contains(0x0D) && jws.headerBytes.contains(0x0A))
        #expect(jws.header.typ == "JWT")
        let verifier = TokenVerifier(keyRing: keyRing, options: rfcOptions)
        let claims = try verifier.verify(try token(vector), now: before2011).claims
        #expect(claims.iss == "joe")
        #expect(claims.exp == 1_300_819_380)
        #expect(claims.object["http://example.com/is_root"] == true)
        let compact = try token(vector)
        #expect(
            joseCode { () throws(JOSEError) in try verifier.verify(compact, now: testNow) }
                == .expired)
        let signingInput = try token(vector).split(separator: ".").prefix(2).joined(separator: ".")
        #expect(try signature(keyRing.signingKey, signingInput) == jws.signature)
    }

    @Test("RFC 7515 A.2: RS256 with the RFC's RSA key verifies and re-signs identically")
    func a2() throws {
        let vector = try fixture("rfc7515-a2")
        let keyRing = try ring(vector, alg: "RS256")
        let (jws, _) = try CompactJWS.verifySignature(try token(vector), keyRing: keyRing)
        _ = try TokenVerifier(keyRing: keyRing, options: rfcOptions).verify(
            try token(vector), now: before2011)
        let signingInput = try token(vector).split(separator: ".").prefix(2).joined(separator: ".")
        #expect(try signature(keyRing.signingKey, signingInput) == jws.signature)
        let publicRing = try KeyRing(jwkSet: keyRing.publicJWKSet())
        _ = try CompactJWS.verifySignature(try token(vector), keyRing: publicRing)
    }

    @Test("RFC 7515 A.3: ES256 verifies with the RFC's P-256 key")
    func a3() throws {
        let vector = try fixture("rfc7515-a3")
        let keyRing = try ring(vector, alg: "ES256")
        let (jws, _) = try CompactJWS.verifySignature(try token(vector), keyRing: keyRing)
        #expect(jws.signature.count == 64)
        _ = try TokenVerifier(keyRing: keyRing, options: rfcOptions).verify(
            try token(vector), now: before2011)
        let parts = try token(vector).split(separator: ".").map(String.init)
        var tampered = try Base64URL.decode(parts[2])
        tampered[10] ^= 1
        let forged = parts[0] + "." + parts[1] + "." + Base64URL.encode(tampered)
        #expect(
            joseCode { () throws(JOSEError) in
                try CompactJWS.verifySignature(forged, keyRing: keyRing)
            } == .badSignature)
    }

    @Test("RFC 7515 A.4: ES512 is not supported: its key is refused, its token is alg_not_allowed")
    func a4() throws {
        let vector = try fixture("rfc7515-a4")
        let jwk = try adding(["alg": "ES512", "kid": "rfc"], to: try #require(vector["jwk"]))
        #expect(joseCode { () throws(JOSEError) in try SigningKey(jwk: jwk) } == .invalidKey)
        let ecRing = try KeyRing([try TestKeys.key(.es256)])
        let compact = try token(vector)
        #expect(
            joseCode { () throws(JOSEError) in
                try CompactJWS.verifySignature(compact, keyRing: ecRing)
            } == .algNotAllowed)
    }

    @Test("RFC 7515 A.5: the unsecured JWS (alg none) is rejected")
    func a5() throws {
        let vector = try fixture("rfc7515-a5")
        let hmacRing = try ring(try fixture("rfc7515-a1"), alg: "HS256")
        let compact = try token(vector)
        #expect(
            joseCode { () throws(JOSEError) in
                try TokenVerifier(keyRing: hmacRing, options: rfcOptions).verify(
                    compact, now: before2011)
            } == .algNotAllowed)
    }

    @Test("RFC 7520 §4.4: HS256 with kid verifies; its text payload is returned intact")
    func rfc7520() throws {
        let vector = try fixture("rfc7520-4.4")
        let jwk = try #require(vector["jwk"])
        let keyRing = try KeyRing([try SigningKey(jwk: jwk)])
        #expect(keyRing.signingKey.kid == "018c0ae5-4d9b-471b-bfd6-eef314bc7037")
        let (jws, key) = try CompactJWS.verifySignature(try token(vector), keyRing: keyRing)
        #expect(key.kid == jws.header.kid)
        #expect(String(decoding: jws.payload, as: UTF8.self) == vector["payload"]?.stringValue)
        let verifier = TokenVerifier(keyRing: keyRing, options: rfcOptions)
        let compact = try token(vector)
        #expect(
            joseCode { () throws(JOSEError) in try verifier.verify(compact, now: testNow) }
                == .malformed)
    }

    @Test("RFC 8037 A.3–A.5: Ed25519 thumbprint, deterministic signature and verification")
    func rfc8037() throws {
        let vector = try fixture("rfc8037-a4")
        let jwk = try adding(["alg": "EdDSA"], to: try #require(vector["jwk"]))
        let key = try SigningKey(jwk: jwk)
        #expect(key.thumbprint() == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
        #expect(key.kid == key.thumbprint())
        let parts = try token(vector).split(separator: ".").map(String.init)
        #expect(Base64URL.encode(try signature(key, parts[0] + "." + parts[1])) == parts[2])
        let (jws, _) = try CompactJWS.verifySignature(
            try token(vector), keyRing: try KeyRing([key]))
        #expect(String(decoding: jws.payload, as: UTF8.self) == "Example of Ed25519 signing")
        let publicKey = try SigningKey(jwk: try #require(key.publicJWK()))
        _ = try CompactJWS.verifySignature(try token(vector), keyRing: try KeyRing([publicKey]))
    }

    @Test("RFC 7638 §3.1: the RSA example's thumbprint")
    func rfc7638() throws {
        let vector = try fixture("rfc7638-3.1")
        let key = try SigningKey(jwk: try #require(vector["jwk"]))
        #expect(key.kid == "2011-04-29")
        #expect(key.thumbprint() == vector["thumbprint"]?.stringValue)
        #expect(key.thumbprint() == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
    }
}
