import AuthLabCrypto
import AuthLabJSON
import Testing

@testable import AuthLabJOSE

@Suite("TokenSigner")
struct TokenSignerTests {
    @Test(
        "the header is exactly {\"alg\",\"typ\":\"JWT\",\"kid\"}", arguments: JWSAlgorithm.allCases)
    func header(_ algorithm: JWSAlgorithm) throws {
        let key = try TestKeys.key(algorithm)
        let token = try TokenSigner(keyRing: try KeyRing([key])).sign(claims: goodClaims())
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        #expect(segments.count == 3)
        let header = try Base64URL.decode(String(segments[0]))
        #expect(
            String(decoding: header, as: UTF8.self)
                == "{\"alg\":\"\(algorithm.rawValue)\",\"typ\":\"JWT\",\"kid\":\"\(key.kid)\"}")
        let claims = try TokenVerifier(keyRing: try KeyRing([key]), options: goodOptions)
            .verify(token, now: testNow).claims
        #expect(claims.object == goodClaims())
    }

    @Test("a kid that needs escaping is escaped in the header and still verifies")
    func escapedKid() throws {
        let ring = try hs256Ring(kid: "k\"1\\/é")
        let token = try TokenSigner(keyRing: ring).sign(claims: goodClaims())
        let verified = try TokenVerifier(keyRing: ring, options: goodOptions).verify(
            token, now: testNow)
        #expect(verified.kid == "k\"1\\/é")
        #expect(verified.header.typ == "JWT")
    }

    @Test("a verify-only signing key cannot sign")
    func verifyOnly() throws {
        let key = try TestKeys.key(.es256)
        let publicOnly = try SigningKey(
            publicKey: try #require(key.publicKey), algorithm: .es256, kid: "p")
        let signer = TokenSigner(keyRing: try KeyRing([publicOnly]))
        #expect(
            joseCode { () throws(JOSEError) in try signer.sign(claims: goodClaims()) }
                == .invalidKey)
    }
}
