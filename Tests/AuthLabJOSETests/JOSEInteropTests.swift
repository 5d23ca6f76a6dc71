import AuthLabJSON
import Foundation
import Testing

@testable import AuthLabJOSE

/// The Swift half of `scripts/test.d/30-jose-interop.sh` (PyJWT both ways, every algorithm).
///
/// Enabled only when `AUTHLAB_INTEROP_DIR` is set. It then requires the key set and PyJWT
/// tokens written by `Tests/interop/jose/make_tokens.py`, verifies each token, and writes its
/// own tokens, its public JWK Set and the list of algorithms it verified for pytest to check.
@Suite(
    "JOSEInterop",
    .enabled(if: ProcessInfo.processInfo.environment["AUTHLAB_INTEROP_DIR"] != nil))
struct JOSEInteropTests {
    let directory: URL

    init() throws {
        let path = try #require(ProcessInfo.processInfo.environment["AUTHLAB_INTEROP_DIR"])
        directory = URL(fileURLWithPath: path)
    }

    func read(_ name: String) throws -> JSONValue {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONParser.parse(Array(data))
    }

    func write(_ name: String, _ value: JSONValue) throws {
        try Data(JSONWriter.serialize(value)).write(to: directory.appendingPathComponent(name))
    }

    @Test("verifies PyJWT tokens for every algorithm and signs tokens for PyJWT to verify")
    func bothWays() throws {
        let keyFile = try Data(contentsOf: directory.appendingPathComponent("keys.jwks.json"))
        let ring = try KeyRing(jwkSetJSON: Array(keyFile))
        let expected = try read("expected.json")
        let algorithms = try #require(expected["algorithms"]?.arrayValue).compactMap(\.stringValue)
        #expect(algorithms.count == JWSAlgorithm.allCases.count)
        let now = Int64(Date().timeIntervalSince1970)

        let verifier = TokenVerifier(
            keyRing: ring, options: ValidationOptions(issuer: "pyjwt-issuer", audience: "authlab"))
        var verified: [JSONValue] = []
        for entry in try #require(try read("pyjwt-tokens.json").arrayValue) {
            let token = try #require(entry["token"]?.stringValue)
            let result = try verifier.verify(token, now: now)
            #expect(result.kid == entry["kid"]?.stringValue)
            #expect(result.header.alg == entry["alg"]?.stringValue)
            #expect(result.claims.object == expected["claims"]?.objectValue)
            verified.append(.string(result.header.alg))
        }
        #expect(verified.count == algorithms.count)

        var tokens: [JSONValue] = []
        for key in ring.keys {
            let signer = TokenSigner(keyRing: try KeyRing([key]))
            let claims: JSONObject = [
                "iss": "authlab", "aud": "pyjwt", "sub": "swift-user", "iat": .int(now),
                "nbf": .int(now), "exp": .int(now + 600), "jti": .string("swift-\(key.kid)"),
            ]
            let token = try signer.sign(claims: claims)
            tokens.append([
                "alg": .string(key.algorithm.rawValue), "kid": .string(key.kid),
                "token": .string(token),
            ])
        }
        try write("swift-tokens.json", .array(tokens))
        try write("swift-public.jwks.json", ring.publicJWKSet())
        try write("swift-verified.json", .array(verified))
    }
}
