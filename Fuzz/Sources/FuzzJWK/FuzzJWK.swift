import AuthLabJOSE
import AuthLabJSON
import FuzzSupport

/// Any bytes as a JWK Set file and as one JWK. Loading must never crash, and a key that
/// loads must be a working key: its JWKs load back to the same key, and it signs tokens
/// that verify.
@main
enum FuzzJWK {
    static func main() {
        FuzzDriver.run { data, size in
            FuzzJWK.test(FuzzDriver.buffer(data, size))
            return 0
        }
    }

    static func test(_ input: UnsafeRawBufferPointer) {
        let bytes = Array(input)
        if let ring = try? KeyRing(jwkSetJSON: bytes) {
            checkRing(ring)
        }
        guard let value = try? JSONParser.parse(bytes) else { return }
        if let key = try? SigningKey(jwk: value) {
            checkKey(key)
        }
        if let ring = try? KeyRing(jwkSet: value) {
            let fromBytes = firstSuccess { try? KeyRing(jwkSetJSON: bytes) }
            invariant(fromBytes != nil || flaky(ring.keys), "JSON and bytes loads disagree")
            invariant(!ring.keys.isEmpty, "an empty ring loaded")
        }
    }

    static func checkRing(_ ring: KeyRing) {
        let kids = ring.keys.map(\.kid)
        invariant(Set(kids).count == kids.count, "a ring with duplicate kids loaded")
        let saved = JSONWriter.serialize(ring.privateJWKSet())
        let reloaded = firstSuccess { try? KeyRing(jwkSetJSON: saved) }
        invariant(
            reloaded.map { $0.keys.map(\.kid) == kids } ?? flaky(ring.keys),
            "the private JWK Set does not reload")
        let publicKeys = ring.keys.filter { $0.publicJWK() != nil }
        guard !publicKeys.isEmpty else { return }
        let publicSet = JSONWriter.serialize(ring.publicJWKSet())
        let published = firstSuccess { try? KeyRing(jwkSetJSON: publicSet) }
        invariant(
            published.map { $0.keys.map(\.kid) == publicKeys.map(\.kid) } ?? flaky(ring.keys),
            "the public JWK Set does not reload")
        invariant(published?.keys.allSatisfy { !$0.canSign } != false, "a public key can sign")
        for key in ring.keys {
            checkKey(key)
        }
    }

    static func checkKey(_ key: SigningKey) {
        guard let again = firstSuccess({ try? SigningKey(jwk: key.privateJWK()) }) else {
            invariant(flaky([key]), "the private JWK does not reload")
            return
        }
        invariant(again.kid == key.kid, "the private JWK reloads with another kid")
        invariant(again.algorithm == key.algorithm, "the private JWK reloads with another alg")
        invariant(again.thumbprint() == key.thumbprint(), "the thumbprint changed on reload")
        invariant(again.privateJWK() == key.privateJWK(), "the private JWK is not stable")
        if let jwk = key.publicJWK() {
            let verifyOnly = firstSuccess { try? SigningKey(jwk: jwk) }
            invariant(
                verifyOnly.map { $0.thumbprint() == key.thumbprint() } ?? flaky([key]),
                "public JWK thumbprint")
            invariant(verifyOnly?.canSign != true, "a public JWK gave a key that signs")
            invariant(jwk["d"] == nil && jwk["p"] == nil, "the public JWK has private members")
        } else {
            invariant(key.algorithm.rawValue.hasPrefix("HS"), "an asymmetric key has no public JWK")
        }
        guard key.canSign else { return }
        let claims: JSONObject = ["sub": "fuzz", "exp": 60]
        let token = try? TokenSigner(keyRing: KeyRing([key])).sign(claims: claims)
        invariant(token != nil, "a key that can sign did not sign")
        guard let token, let ring = try? KeyRing([key]) else { return }
        let verified = try? TokenVerifier(keyRing: ring).verify(token, now: 0)
        invariant(verified?.claims.sub == "fuzz", "a token signed by a loaded key did not verify")
    }

    /// Whether OpenSSL's randomized RSA check explains a failed reload of `keys`.
    static func flaky(_ keys: [SigningKey]) -> Bool {
        RandomizedCheck.refusesSometimes(keys.map(\.publicKey))
    }
}
