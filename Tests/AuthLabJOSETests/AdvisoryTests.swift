import AuthLabCrypto
import AuthLabJSON
import Testing

@testable import AuthLabJOSE

/// One case per known JWT attack (after PyJWT `test_advisory.py`); codes, not prose.
@Suite("Advisories")
struct AdvisoryTests {
    let claimsText = JSONWriter.string(.object(goodClaims()))

    func code(_ token: String, ring: KeyRing) -> JOSEError.Code? {
        joseCode { () throws(JOSEError) in
            try TokenVerifier(keyRing: ring, options: goodOptions).verify(token, now: testNow)
        }
    }

    @Test(
        "alg none in every casing, with and without a signature, is alg_not_allowed",
        arguments: ["none", "None", "NONE", "nOnE"])
    func algNone(_ alg: String) throws {
        let ring = try hs256Ring()
        for header in [#"{"alg":"\#(alg)"}"#, #"{"alg":"\#(alg)","kid":"k1"}"#] {
            #expect(
                code(craftToken(header: header, payload: claimsText), ring: ring) == .algNotAllowed)
            let signed = craftToken(header: header, payload: claimsText, secret: hmacSecret)
            #expect(code(signed, ring: ring) == .algNotAllowed)
        }
    }

    @Test(
        "HS256 signed with the public key PEM as secret (key confusion) is alg_not_allowed",
        arguments: [JWSAlgorithm.rs256, .ps256, .es256, .edDSA])
    func keyConfusion(_ algorithm: JWSAlgorithm) throws {
        let key = try TestKeys.key(algorithm)
        let ring = try KeyRing([key])
        let pem = Array(try #require(key.publicKey).pem().utf8)
        let header = #"{"alg":"HS256","typ":"JWT","kid":"\#(key.kid)"}"#
        #expect(
            code(craftToken(header: header, payload: claimsText, secret: pem), ring: ring)
                == .algNotAllowed)
        let noKid = craftToken(header: #"{"alg":"HS256"}"#, payload: claimsText, secret: pem)
        #expect(code(noKid, ring: ring) == .algNotAllowed)
        let jwkText = Array(JSONWriter.serialize(try #require(key.publicJWK())))
        for secret in [pem, jwkText] {
            #expect(
                joseCode { () throws(JOSEError) in try SigningKey(secret: secret, algorithm: .hs256)
                } == .invalidKey)
        }
    }

    @Test("ES256 with an all-zero 64-byte signature (CVE-2022-21449) is bad_signature")
    func psychicSignature() throws {
        let ring = try KeyRing([try TestKeys.key(.es256)])
        let header = #"{"alg":"ES256","kid":"es256"}"#
        let zero = [UInt8](repeating: 0, count: 64)
        #expect(
            code(craftToken(header: header, payload: claimsText, signature: zero), ring: ring)
                == .badSignature)
        var rZero = zero
        rZero[63] = 1
        #expect(
            code(craftToken(header: header, payload: claimsText, signature: rZero), ring: ring)
                == .badSignature)
        let der = [0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00] as [UInt8]
        #expect(
            code(craftToken(header: header, payload: claimsText, signature: der), ring: ring)
                == .badSignature)
    }

    @Test(
        "an empty signature is bad_signature for every algorithm", arguments: JWSAlgorithm.allCases)
    func emptySignature(_ algorithm: JWSAlgorithm) throws {
        let key = try TestKeys.key(algorithm)
        let header = #"{"alg":"\#(algorithm.rawValue)","kid":"\#(key.kid)"}"#
        let token = craftToken(header: header, payload: claimsText, signature: [])
        #expect(token.hasSuffix("."))
        #expect(code(token, ring: try KeyRing([key])) == .badSignature)
    }

    @Test("switching alg within the HMAC family (HS384 header on an HS256 key) is alg_not_allowed")
    func hmacFamilySwitch() throws {
        let ring = try hs256Ring()
        for (alg, digest) in [("HS384", DigestAlgorithm.sha384), ("HS512", .sha512)] {
            let token = craftToken(
                header: #"{"alg":"\#(alg)","kid":"k1"}"#, payload: claimsText, secret: hmacSecret,
                digest: digest)
            #expect(code(token, ring: ring) == .algNotAllowed)
        }
        let asymmetric = craftToken(
            header: #"{"alg":"RS256","kid":"k1"}"#, payload: claimsText, signature: [1])
        #expect(code(asymmetric, ring: ring) == .algNotAllowed)
    }

    @Test(
        "unknown and path-like kids just do not match",
        arguments: [
            "k2", "K1", "k1 ", "../../etc/passwd", "/dev/null", "k1\\u0000", "*", "' OR 1=1 --",
        ])
    func unknownKid(_ kid: String) throws {
        let header = #"{"alg":"HS256","kid":"\#(kid)"}"#
        let token = craftToken(header: header, payload: claimsText, secret: hmacSecret)
        let expected: JOSEError.Code = kid.contains("\\u0000") ? .malformed : .unknownKid
        #expect(code(token, ring: try hs256Ring()) == expected)
    }

    @Test(
        "embedded keys and key URLs (jwk, jku, x5u, x5c) and crit are unsupported_header",
        arguments: [
            #""jwk":{"kty":"oct","k":"AAAA"}"#, #""jku":"https://evil.test/jwks.json""#,
            #""x5u":"https://evil.test/cert.pem""#, #""x5c":["MIIB"]"#, #""crit":["exp"]"#,
        ])
    func injectedKeys(_ member: String) throws {
        let header = #"{"alg":"HS256","kid":"k1",\#(member)}"#
        let token = craftToken(header: header, payload: claimsText, secret: hmacSecret)
        #expect(code(token, ring: try hs256Ring()) == .unsupportedHeader)
    }

    @Test("duplicate keys in the header are malformed (no last-one-wins)")
    func duplicateHeaderKeys() throws {
        let ring = try hs256Ring()
        for header in [
            #"{"alg":"HS256","kid":"k1","alg":"none"}"#,
            #"{"alg":"none","kid":"k1","alg":"HS256"}"#,
            #"{"alg":"HS256","kid":"k2","kid":"k1"}"#,
        ] {
            #expect(
                code(
                    craftToken(header: header, payload: claimsText, secret: hmacSecret), ring: ring)
                    == .malformed)
        }
        let duplicateClaim = #"{"sub":"42","sub":"1","exp":\#(testNow + 60)}"#
        #expect(
            code(
                craftToken(
                    header: #"{"alg":"HS256"}"#, payload: duplicateClaim, secret: hmacSecret),
                ring: ring) == .malformed)
    }

    @Test("a token of 8 KiB + 1 byte is too_large; 8 KiB exactly is still verified")
    func oversize() throws {
        let ring = try hs256Ring()
        func token(padding: Int, header: String = #"{"alg":"HS256","kid":"k1"}"#) -> String {
            var claims = goodClaims()
            claims["pad"] = .string(String(repeating: "x", count: padding))
            return craftToken(
                header: header, payload: JSONWriter.string(.object(claims)), secret: hmacSecret)
        }
        let padding = try #require((4000..<7000).first { token(padding: $0).utf8.count == 8192 })
        #expect(code(token(padding: padding), ring: ring) == nil)
        // One more header byte adds exactly one base64url character.
        let over = token(padding: padding, header: #"{"alg":"HS256", "kid":"k1"}"#)
        #expect(over.utf8.count == 8193)
        #expect(code(over, ring: ring) == .tooLarge)
    }

    @Test(
        "exp and nbf as strings, floats or huge numbers are invalid_claim",
        arguments: [
            #""\#(testNow + 900)""#, "\(testNow + 900).5", "1.7e9", "1e400", "-1e400",
            "9223372036854775808",
            "18446744073709551616", "99999999999999999999999", "253402300800", "-1", "true", "null",
            "{}",
        ])
    func numericClaims(_ value: String) throws {
        let ring = try hs256Ring()
        for claim in ["exp", "nbf"] {
            var claims = goodClaims()
            claims[claim] = nil
            var text = JSONWriter.string(.object(claims))
            text.removeLast()
            text += #","\#(claim)":\#(value)}"#
            let token = craftToken(header: #"{"alg":"HS256"}"#, payload: text, secret: hmacSecret)
            #expect(code(token, ring: ring) == .invalidClaim, "\(claim)=\(value)")
        }
    }

    @Test("a forged token that is also expired reports bad_signature, never expired")
    func forgedAndExpired() throws {
        let ring = try hs256Ring()
        var claims = goodClaims(now: testNow - 86_400)
        claims["sub"] = "admin"
        let payload = JSONWriter.string(.object(claims))
        let forged = craftToken(
            header: #"{"alg":"HS256","kid":"k1"}"#, payload: payload,
            secret: [UInt8](repeating: 0x41, count: 32))
        #expect(code(forged, ring: ring) == .badSignature)
        let genuine = craftToken(
            header: #"{"alg":"HS256","kid":"k1"}"#, payload: payload, secret: hmacSecret)
        #expect(code(genuine, ring: ring) == .expired)
    }

    @Test("a signature computed over a re-serialized header does not verify")
    func noReserialization() throws {
        let ring = try hs256Ring()
        let spaced = #"{ "alg" : "HS256", "kid" : "k1" }"#
        let compact = #"{"alg":"HS256","kid":"k1"}"#
        let good = craftToken(header: spaced, payload: claimsText, secret: hmacSecret)
        #expect(code(good, ring: ring) == nil)
        let compactSignature = try Base64URL.decode(
            String(
                craftToken(header: compact, payload: claimsText, secret: hmacSecret).split(
                    separator: ".")[2]))
        let mixed = craftToken(header: spaced, payload: claimsText, signature: compactSignature)
        #expect(code(mixed, ring: ring) == .badSignature)
    }
}
