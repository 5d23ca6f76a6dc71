import AuthLabJSON
import Testing

@testable import AuthLabJOSE

@Suite("ClaimsValidator")
struct ClaimsValidatorTests {
    func check(
        _ claims: JSONObject, options: ValidationOptions = goodOptions, now: Int64 = testNow
    ) -> JOSEError.Code? {
        joseCode { () throws(JOSEError) in
            try ClaimsValidator(options: options).validate(try JWTClaims(object: claims), now: now)
        }
    }

    func with(_ changes: JSONObject) -> JSONObject {
        var claims = goodClaims()
        for member in changes {
            claims[member.key] = member.value
        }
        return claims
    }

    func without(_ key: String) -> JSONObject {
        var claims = goodClaims()
        claims[key] = nil
        return claims
    }

    @Test("good claims pass")
    func good() {
        #expect(check(goodClaims()) == nil)
    }

    @Test("exp is required and must not have passed, with leeway in the token's favour")
    func expiration() {
        #expect(check(without("exp")) == .missingClaim)
        let exp = testNow + 900
        #expect(check(goodClaims(), now: exp + 29) == nil)
        #expect(check(goodClaims(), now: exp + 30) == .expired)
        let strict = ValidationOptions(issuer: goodOptions.issuer, audience: "authlab", leeway: 0)
        #expect(check(goodClaims(), options: strict, now: exp - 1) == nil)
        #expect(check(goodClaims(), options: strict, now: exp) == .expired)
    }

    @Test("nbf in the future beyond leeway is not_yet_valid")
    func notBefore() {
        #expect(check(with(["nbf": .int(testNow + 30)])) == nil)
        #expect(check(with(["nbf": .int(testNow + 31)])) == .notYetValid)
        #expect(check(without("nbf")) == nil)
    }

    @Test("iat in the future beyond leeway is issued_in_future")
    func issuedAt() {
        #expect(check(with(["iat": .int(testNow + 30)])) == nil)
        #expect(check(with(["iat": .int(testNow + 31), "nbf": .int(testNow)])) == .issuedInFuture)
    }

    @Test("iss must match when configured; missing is missing_claim")
    func issuer() {
        #expect(check(with(["iss": "https://evil.test"])) == .wrongIssuer)
        #expect(check(without("iss")) == .missingClaim)
        #expect(check(with(["iss": 7])) == .invalidClaim)
        let anyIssuer = ValidationOptions(audience: "authlab")
        #expect(check(with(["iss": "whoever"]), options: anyIssuer) == nil)
    }

    @Test("aud may be a string or an array and must contain our audience")
    func audience() {
        #expect(check(with(["aud": ["other", "authlab"]])) == nil)
        #expect(check(with(["aud": "other"])) == .wrongAudience)
        #expect(check(with(["aud": []])) == .wrongAudience)
        #expect(check(with(["aud": ["other", 1]])) == .invalidClaim)
        #expect(check(with(["aud": ["x": "authlab"]])) == .invalidClaim)
        #expect(check(without("aud")) == .missingClaim)
        let noAudience = ValidationOptions(issuer: goodOptions.issuer)
        #expect(check(goodClaims(), options: noAudience) == .wrongAudience)
        #expect(check(without("aud"), options: noAudience) == nil)
    }

    @Test("sub is required by default and must be a string")
    func subject() {
        #expect(check(without("sub")) == .missingClaim)
        #expect(check(with(["sub": 42])) == .invalidClaim)
        var optional = goodOptions
        optional.requireSubject = false
        #expect(check(without("sub"), options: optional) == nil)
    }

    @Test("maxAge bounds the age from iat and then requires iat")
    func maxAge() {
        var options = goodOptions
        options.maxAge = 60
        #expect(check(goodClaims(), options: options, now: testNow + 90) == nil)
        #expect(check(goodClaims(), options: options, now: testNow + 91) == .tooOld)
        #expect(check(without("iat"), options: options) == .missingClaim)
    }

    @Test(
        "numeric dates that are strings, fractions, huge, negative or booleans are invalid_claim",
        arguments: ["exp", "nbf", "iat"])
    func numericDates(_ claim: String) {
        let bad: [JSONValue] = [
            .string("\(testNow + 900)"), .double(Double(testNow) + 0.5), .double(1e300),
            .double(9.223372036854775808e18), .int(-1), .int(Int64.max), .bool(true), .null,
            [1],
        ]
        for value in bad {
            #expect(check(with([claim: value])) == .invalidClaim, "\(claim)=\(value)")
        }
    }

    @Test("jti must be a string when present; unknown claims are kept as received")
    func otherClaims() throws {
        #expect(check(with(["jti": 5])) == .invalidClaim)
        let claims = try JWTClaims(object: with(["custom": ["nested": true]]))
        #expect(claims.object["custom"]?["nested"] == true)
        #expect(claims.sub == "42")
        #expect(claims.name == "alice")
        #expect(claims.aud == ["authlab"])
    }
}
