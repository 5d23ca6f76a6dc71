import AuthLabCrypto
import AuthLabJSON
import Testing

@testable import AuthLabJOSE

@Suite("JWSAnatomy")
struct JWSAnatomyTests {
    @Test("takes any three base64url segments apart and shows the exact bytes")
    func parts() throws {
        let vector = try fixture("rfc7515-a1")
        let token = try #require(vector["token"]?.stringValue)
        let anatomy = try JWSAnatomy(token: token)
        let segments = token.split(separator: ".").map(String.init)
        #expect(anatomy.header.raw == segments[0])
        #expect(anatomy.payload.raw == segments[1])
        #expect(anatomy.signatureRaw == segments[2])
        #expect(anatomy.signingInput == segments[0] + "." + segments[1])
        #expect(
            String(decoding: anatomy.header.decoded, as: UTF8.self)
                == "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}")
        #expect(anatomy.header.json == ["typ": "JWT", "alg": "HS256"])
        #expect(anatomy.payload.json?["iss"] == "joe")
        #expect(
            anatomy.signatureHex
                == "7418dfb49799e0254ffa607dd8adbbba16d4254d69d6bff05b58055853848d79")
        #expect(anatomy.verification == nil)
    }

    @Test("the JSON has the /jwt/inspect shape, with the verdict's code and reason")
    func json() throws {
        let ring = try hs256Ring()
        let token = try TokenSigner(keyRing: ring).sign(claims: goodClaims())
        var anatomy = try JWSAnatomy(token: token)
        #expect(anatomy.json()["verification"] == .null)
        anatomy.verify(with: TokenVerifier(keyRing: ring, options: goodOptions), now: testNow)
        let valid = anatomy.json()
        #expect(
            valid.objectValue?.keys == [
                "header", "payload", "signature", "signing_input", "verification",
            ])
        #expect(valid["header"]?.objectValue?.keys == ["raw", "decoded", "json"])
        #expect(valid["header"]?["json"]?["alg"] == "HS256")
        #expect(valid["payload"]?["json"]?["sub"] == "42")
        #expect(valid["signature"]?.objectValue?.keys == ["raw", "hex"])
        #expect(valid["signature"]?["hex"]?.stringValue?.utf8.count == 64)
        #expect(valid["verification"] == ["valid": true, "code": nil, "reason": nil])
        anatomy.verify(
            with: TokenVerifier(keyRing: ring, options: goodOptions), now: testNow + 3600)
        let expired = anatomy.json()["verification"]
        #expect(expired?["valid"] == false)
        #expect(expired?["code"] == "expired")
        #expect(expired?["reason"]?.stringValue == JOSEError(.expired).description)
        #expect(anatomy.verification?.reason == JOSEError(.expired).description)
        #expect(anatomy.verification?.error?.code == .expired)
    }

    @Test("non-JSON segments still show; only non-base64url or wrong segment counts throw")
    func lenient() throws {
        let token = Base64URL.encode(Array("hello".utf8)) + ".e30."
        let anatomy = try JWSAnatomy(token: token)
        #expect(anatomy.header.json == nil)
        #expect(anatomy.payload.json == [:])
        #expect(anatomy.signature.isEmpty)
        for bad in ["a.b", "a.b.c.d", "e30.e30.+", "e30.e=30.AA", ""] {
            #expect(
                joseCode { () throws(JOSEError) in try JWSAnatomy(token: bad) } == .malformed,
                "\(bad)")
        }
    }
}
