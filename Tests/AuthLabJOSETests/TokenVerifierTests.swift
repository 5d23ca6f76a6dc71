import AuthLabCrypto
import AuthLabJSON
import Testing

@testable import AuthLabJOSE

/// Pins the fixed verification order: each token fails two checks, and the earlier one wins.
@Suite("TokenVerifier order")
struct TokenVerifierTests {
    let verifier: TokenVerifier
    let claimsText = JSONWriter.string(.object(goodClaims()))

    init() throws {
        verifier = TokenVerifier(keyRing: try hs256Ring(), options: goodOptions)
    }

    func code(_ token: String, now: Int64 = testNow) -> JOSEError.Code? {
        joseCode { () throws(JOSEError) in try verifier.verify(token, now: now) }
    }

    @Test("a well-formed token verifies and returns its claims")
    func valid() throws {
        let token = craftToken(
            header: #"{"alg":"HS256","typ":"JWT","kid":"k1"}"#, payload: claimsText,
            secret: hmacSecret)
        let verified = try verifier.verify(token, now: testNow)
        #expect(verified.claims.sub == "42")
        #expect(verified.header.alg == "HS256")
        #expect(verified.kid == "k1")
    }

    @Test("size is checked before anything else")
    func sizeFirst() {
        #expect(code(String(repeating: "!", count: 8193)) == .tooLarge)
        #expect(code(String(repeating: "!", count: 8192)) == .malformed)
    }

    @Test(
        "segments and base64url are malformed",
        arguments: [
            "", "abc", "a.b", "a.b.c.d", "....", "eyJhbGciOiJIUzI1NiJ9.e30", "e30=.e30.AA",
            "e30.e 30.AA",
            "e30.e30.A", "e30.e30.+/", "e30.e30.AB",
        ])
    func shape(_ token: String) {
        #expect(code(token) == .malformed)
    }

    @Test(
        "header JSON problems are malformed, before the alg is even looked at",
        arguments: [
            "not json", #"{"alg":"none""#, #"["HS256"]"#,
            #"{"alg":"HS256","alg":"HS256","kid":"k1"}"#,
            #"{"kid":"k1"}"#, #"{"alg":256,"kid":"k1"}"#, #"{"alg":"HS256","kid":7}"#,
            #"{"alg":"HS256","kid":"k1","typ":1}"#, "{\"alg\":\"HS256\",\"kid\":\"k\u{1}\"}",
        ])
    func headerJSON(_ header: String) {
        #expect(
            code(craftToken(header: header, payload: claimsText, secret: hmacSecret)) == .malformed)
    }

    @Test("header policy comes before alg: jwk with alg none is unsupported_header")
    func policyBeforeAlg() {
        let token = craftToken(header: #"{"alg":"none","jwk":{}}"#, payload: claimsText)
        #expect(code(token) == .unsupportedHeader)
    }

    @Test("alg comes before kid: none with an unknown kid is alg_not_allowed")
    func algBeforeKid() {
        let token = craftToken(header: #"{"alg":"none","kid":"nope"}"#, payload: claimsText)
        #expect(code(token) == .algNotAllowed)
    }

    @Test("kid comes before the signature: unknown kid with a bad signature is unknown_kid")
    func kidBeforeSignature() {
        let token = craftToken(
            header: #"{"alg":"HS256","kid":"nope"}"#, payload: claimsText, signature: [1, 2, 3])
        #expect(code(token) == .unknownKid)
    }

    @Test("alg must equal the key's algorithm before the signature is checked")
    func algMatchBeforeSignature() {
        let token = craftToken(
            header: #"{"alg":"HS512","kid":"k1"}"#, payload: claimsText, signature: [1])
        #expect(code(token) == .algNotAllowed)
    }

    @Test("the signature comes before the payload: bad signature over non-JSON is bad_signature")
    func signatureBeforePayload() {
        let header = #"{"alg":"HS256","kid":"k1"}"#
        #expect(
            code(craftToken(header: header, payload: "not json", signature: [0])) == .badSignature)
        #expect(
            code(craftToken(header: header, payload: "not json", secret: hmacSecret)) == .malformed)
        #expect(code(craftToken(header: header, payload: "[1]", secret: hmacSecret)) == .malformed)
    }

    @Test("claims in order: exp before iss, expired before wrong issuer")
    func claimsOrder() {
        let header = #"{"alg":"HS256","kid":"k1"}"#
        var claims = goodClaims(issuer: "https://evil.test")
        claims["exp"] = nil
        let noExp = craftToken(
            header: header, payload: JSONWriter.string(.object(claims)), secret: hmacSecret)
        #expect(code(noExp) == .missingClaim)
        claims["exp"] = .int(testNow - 3600)
        claims["iat"] = .int(testNow - 7200)
        claims["nbf"] = .int(testNow - 7200)
        let expired = craftToken(
            header: header, payload: JSONWriter.string(.object(claims)), secret: hmacSecret)
        #expect(code(expired) == .expired)
    }

    @Test("no kid verifies only with a one-key ring")
    func noKid() throws {
        let token = craftToken(header: #"{"alg":"HS256"}"#, payload: claimsText, secret: hmacSecret)
        #expect(code(token) == nil)
        let two = TokenVerifier(
            keyRing: try KeyRing([try hs256Ring().signingKey, try TestKeys.key(.es256)]),
            options: goodOptions)
        #expect(
            joseCode { () throws(JOSEError) in try two.verify(token, now: testNow) } == .unknownKid)
    }

    @Test("verification is a pure function of token, now, ring and options")
    func pure() {
        let token = craftToken(
            header: #"{"alg":"HS256","kid":"k1"}"#, payload: claimsText, secret: hmacSecret)
        for _ in 0..<3 {
            #expect(code(token) == nil)
            #expect(code(token, now: testNow + 10_000) == .expired)
        }
    }

    @Test("every error code has its own human text")
    func texts() {
        let texts = JOSEError.Code.allCases.map { JOSEError($0).description }
        #expect(Set(texts).count == texts.count)
        #expect(JOSEError(.expired).description != JOSEError(.badSignature).description)
    }
}
