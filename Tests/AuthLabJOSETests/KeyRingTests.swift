import AuthLabJSON
import Testing

@testable import AuthLabJOSE

@Suite("KeyRing")
struct KeyRingTests {
    @Test("the ring must be non-empty with unique kids")
    func invariants() throws {
        #expect(joseCode { () throws(JOSEError) in try KeyRing([]) } == .invalidKey)
        let a = try SigningKey(secret: hmacSecret, algorithm: .hs256, kid: "same")
        let b = try TestKeys.key(.es256)
        let c = try SigningKey(publicKey: try #require(b.publicKey), algorithm: .es256, kid: "same")
        #expect(joseCode { () throws(JOSEError) in try KeyRing([a, c]) } == .invalidKey)
    }

    @Test("the first key signs and every key verifies (rotation)")
    func rotation() throws {
        let old = try KeyRing([try TestKeys.key(.es256)])
        let oldToken = try TokenSigner(keyRing: old).sign(claims: goodClaims())
        let rotated = try KeyRing([try TestKeys.key(.edDSA), try TestKeys.key(.es256)])
        #expect(rotated.signingKey.algorithm == .edDSA)
        let newToken = try TokenSigner(keyRing: rotated).sign(claims: goodClaims())
        let verifier = TokenVerifier(keyRing: rotated, options: goodOptions)
        #expect(try verifier.verify(oldToken, now: testNow).kid == "es256")
        #expect(try verifier.verify(newToken, now: testNow).kid == "eddsa")
        #expect(
            joseCode { () throws(JOSEError) in
                try TokenVerifier(keyRing: old, options: goodOptions).verify(newToken, now: testNow)
            } == .unknownKid)
    }

    @Test("key(kid:) finds by exact kid; no kid only in a one-key ring")
    func lookup() throws {
        let ring = try TestKeys.ring()
        #expect(ring.key(kid: "rs256")?.algorithm == .rs256)
        #expect(ring.key(kid: "RS256") == nil)
        #expect(ring.key(kid: nil) == nil)
        #expect(try hs256Ring().key(kid: nil)?.kid == "k1")
    }

    @Test("JWK Set export and import round-trip; the public set has only asymmetric keys")
    func jwkSets() throws {
        let ring = try TestKeys.ring()
        let privateSet = JSONWriter.serialize(ring.privateJWKSet())
        let reloaded = try KeyRing(jwkSetJSON: privateSet)
        #expect(reloaded.keys.map(\.kid) == ring.keys.map(\.kid))
        #expect(reloaded.keys.map(\.algorithm) == ring.keys.map(\.algorithm))
        let publicKeys = try #require(ring.publicJWKSet()["keys"]?.arrayValue)
        #expect(
            publicKeys.compactMap { $0["kid"]?.stringValue } == [
                "rs256", "ps256", "es256", "eddsa",
            ])
        for jwk in publicKeys {
            #expect(jwk["d"] == nil && jwk["k"] == nil)
        }
        #expect(try hs256Ring().publicJWKSet() == ["keys": []])
        let publicRing = try KeyRing(jwkSet: ring.publicJWKSet())
        let token = try TokenSigner(keyRing: try KeyRing([try TestKeys.key(.ps256)]))
            .sign(claims: goodClaims())
        #expect(
            try TokenVerifier(keyRing: publicRing, options: goodOptions).verify(token, now: testNow)
                .kid == "ps256")
    }

    @Test(
        "malformed JWK Sets are invalid_key",
        arguments: ["", "[]", "{}", "{\"keys\":{}}", "{\"keys\":[1]}", "{\"keys\":[]}"])
    func badSets(_ text: String) {
        #expect(
            joseCode { () throws(JOSEError) in try KeyRing(jwkSetJSON: Array(text.utf8)) }
                == .invalidKey)
    }
}
