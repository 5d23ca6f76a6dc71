import AuthLabCrypto
import AuthLabJSON
import Testing

@testable import AuthLabJOSE

@Suite("SigningKey")
struct SigningKeyTests {
    @Test("HMAC secrets shorter than the hash output are refused (RFC 7518 §3.2)")
    func shortSecrets() throws {
        let cases: [(JWSAlgorithm, Int)] = [(.hs256, 32), (.hs384, 48), (.hs512, 64)]
        for (algorithm, length) in cases {
            let short = [UInt8](repeating: 0x5A, count: length - 1)
            #expect(
                joseCode { () throws(JOSEError) in
                    try SigningKey(secret: short, algorithm: algorithm, kid: "k")
                } == .invalidKey)
            let key = try SigningKey(
                secret: [UInt8](repeating: 0x5A, count: length), algorithm: algorithm, kid: "k")
            #expect(key.algorithm == algorithm)
        }
    }

    @Test("HMAC secrets that look like PEM, SSH or JWK keys are refused (key confusion)")
    func publicKeyLookalikes() throws {
        let pem = try #require(try TestKeys.key(.rs256).publicKey).pem()
        let lookalikes = [
            pem,
            "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
            "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\"}",
        ]
        for text in lookalikes {
            #expect(
                joseCode { () throws(JOSEError) in
                    try SigningKey(secret: Array(text.utf8), algorithm: .hs256)
                } == .invalidKey)
        }
        #expect(
            joseCode { () throws(JOSEError) in
                try SigningKey(pem: pem, algorithm: .hs256, kid: "k")
            } == .invalidKey)
    }

    @Test("a key whose kind does not fit the algorithm is refused")
    func kindMismatch() throws {
        let ec = try TestKeys.key(.es256)
        let rsa = try TestKeys.key(.rs256)
        let ecPublic = try #require(ec.publicKey)
        #expect(
            joseCode { () throws(JOSEError) in
                try SigningKey(publicKey: ecPublic, algorithm: .rs256)
            } == .invalidKey)
        #expect(
            joseCode { () throws(JOSEError) in
                try SigningKey(publicKey: ecPublic, algorithm: .edDSA)
            } == .invalidKey)
        let rsaPublic = try #require(rsa.publicKey)
        #expect(
            joseCode { () throws(JOSEError) in
                try SigningKey(publicKey: rsaPublic, algorithm: .es256)
            } == .invalidKey)
        #expect(try SigningKey(publicKey: rsaPublic, algorithm: .ps256).algorithm == .ps256)
    }

    @Test("private JWK round-trips; public JWK has no private members; HMAC has no public JWK")
    func jwkRoundTrip() throws {
        for algorithm in JWSAlgorithm.allCases {
            let key = try TestKeys.key(algorithm)
            let jwk = key.privateJWK()
            #expect(jwk["kid"]?.stringValue == key.kid)
            #expect(jwk["alg"]?.stringValue == algorithm.rawValue)
            #expect(jwk["kty"]?.stringValue == algorithm.properties.keyType)
            let reloaded = try SigningKey(jwk: jwk)
            #expect(reloaded.kid == key.kid)
            #expect(reloaded.algorithm == algorithm)
            #expect(reloaded.thumbprint() == key.thumbprint())
            #expect(reloaded.privateJWK() == jwk)
            if algorithm.isSymmetric {
                #expect(key.publicJWK() == nil)
                continue
            }
            let publicJWK = try #require(key.publicJWK())
            let members = try #require(publicJWK.objectValue).keys
            for secret in ["d", "p", "q", "dp", "dq", "qi", "k"] {
                #expect(!members.contains(secret), "\(algorithm) public JWK has \(secret)")
            }
            let verifyOnly = try SigningKey(jwk: publicJWK)
            #expect(!verifyOnly.canSign)
            #expect(verifyOnly.thumbprint() == key.thumbprint())
        }
    }

    @Test("JWK import requires alg and refuses material that does not match it")
    func jwkImportErrors() throws {
        let rsaPublic = try #require(try TestKeys.key(.rs256).publicJWK())
        let cases: [JSONValue] = [
            "not an object",
            ["kty": "oct", "k": .string(Base64URL.encode(hmacSecret))],  // no alg
            ["kty": "oct", "alg": "none", "k": .string(Base64URL.encode(hmacSecret))],
            ["kty": "oct", "alg": "HS256", "k": "AAAA"],  // too short
            ["kty": "oct", "alg": "HS256", "k": "not base64url!"],
            [
                "kty": "oct", "alg": "HS256", "use": "enc",
                "k": .string(Base64URL.encode(hmacSecret)),
            ],
            try adding(["alg": "ES256"], to: rsaPublic),  // ES256 on an RSA key
            try adding(["alg": "HS256"], to: rsaPublic),
            ["kty": "EC", "alg": "ES256", "crv": "P-384", "x": "AA", "y": "AA"],
            ["kty": "EC", "alg": "ES256", "crv": "P-256", "x": "AA", "y": "AA"],
            ["kty": "OKP", "alg": "EdDSA", "crv": "X25519", "x": "AA"],
            ["kty": "RSA", "alg": "RS256", "n": "AQAB", "e": "AQAB"],  // tiny modulus
            ["kty": "oct", "alg": "HS256", "kid": "", "k": .string(Base64URL.encode(hmacSecret))],
            ["kty": "oct", "alg": "HS256", "kid": 5, "k": .string(Base64URL.encode(hmacSecret))],
        ]
        for jwk in cases {
            #expect(
                joseCode { () throws(JOSEError) in try SigningKey(jwk: jwk) } == .invalidKey,
                "\(JSONWriter.string(jwk))")
        }
    }

    @Test("an Ed25519 JWK whose x does not match its d is refused")
    func ed25519Mismatch() throws {
        let one = try TestKeys.key(.edDSA).privateJWK()
        let other = try SigningKey.generate(.edDSA).privateJWK()
        let mixed = try adding(["x": try #require(other["x"])], to: one)
        #expect(joseCode { () throws(JOSEError) in try SigningKey(jwk: mixed) } == .invalidKey)
    }

    @Test("kid defaults to the RFC 7638 thumbprint")
    func defaultKid() throws {
        let key = try SigningKey(secret: hmacSecret, algorithm: .hs256)
        #expect(key.kid == key.thumbprint())
        #expect(key.kid.utf8.count == 43)
    }

    @Test("PEM keys load for asymmetric algorithms; public PEM keys only verify")
    func pem() throws {
        let ec = try TestKeys.key(.es256)
        let publicPEM = try #require(ec.publicKey).pem()
        let verifyOnly = try SigningKey(pem: publicPEM, algorithm: .es256, kid: "pub")
        #expect(!verifyOnly.canSign)
        #expect(verifyOnly.thumbprint() == ec.thumbprint())
        #expect(
            joseCode { () throws(JOSEError) in
                try SigningKey(pem: publicPEM, algorithm: .rs256, kid: "x")
            } == .invalidKey)
        #expect(
            joseCode { () throws(JOSEError) in
                try SigningKey(
                    pem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
                    algorithm: .es256)
            } == .invalidKey)
    }
}

@Test("a key's description, debug description and mirror carry no key material")
func signingKeyDescriptionIsRedacted() throws {
    let key = try SigningKey.generate(.hs256, kid: "k1")
    guard case .string(let secret)? = key.privateJWK()["k"] else {
        Issue.record("no k member")
        return
    }
    for text in [
        String(describing: key), String(reflecting: key), "\(key)",
        "\(Mirror(reflecting: key).children.map { "\($0)" })",
    ] {
        #expect(!text.contains(secret))
        #expect(text.contains("k1"))
    }
    let ec = try SigningKey.generate(.es256, kid: "e1")
    guard case .string(let d)? = ec.privateJWK()["d"] else {
        Issue.record("no d member")
        return
    }
    #expect(!String(reflecting: ec).contains(d))
}
