import AuthLabCrypto
import AuthLabJSON
import Foundation
import Testing

@testable import AuthLabJOSE

/// A fixed clock for tests: 2023-11-14T22:13:20Z.
let testNow: Int64 = 1_700_000_000

/// Loads `Fixtures/<name>.json` as a `JSONValue`.
func fixture(_ name: String) throws -> JSONValue {
    let url = try #require(
        Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
    return try JSONParser.parse(Array(try Data(contentsOf: url)))
}

/// `value` with `extra` members added (used to give RFC keys the `alg`/`kid` our policy needs).
func adding(_ extra: JSONObject, to value: JSONValue) throws -> JSONValue {
    var object = try #require(value.objectValue)
    for member in extra {
        object[member.key] = member.value
    }
    return .object(object)
}

/// Builds a compact JWS from raw header and payload text, HMAC-signed with `secret` (or with the
/// explicit `signature`), so tests can craft tokens our signer would never produce.
func craftToken(
    header: String, payload: String, secret: [UInt8]? = nil, digest: DigestAlgorithm = .sha256,
    signature: [UInt8]? = nil
) -> String {
    let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
    let tag =
        signature ?? secret.map { HMAC.authenticate(digest, key: $0, message: Array(input.utf8)) }
        ?? []
    return input + "." + Base64URL.encode(tag)
}

/// Signs `signingInput` with `key` (test access to the internal signer).
func signature(_ key: SigningKey, _ signingInput: String) throws -> [UInt8] {
    var input = signingInput
    return try input.withUTF8 { try key.sign(UnsafeRawBufferPointer($0)) }
}

/// A deterministic 32-byte HMAC secret for tests.
let hmacSecret: [UInt8] = Array(0..<32).map { UInt8($0 &* 7 &+ 3) }

/// A one-key HS256 ring with kid `k1`.
func hs256Ring(kid: String = "k1") throws -> KeyRing {
    try KeyRing([try SigningKey(secret: hmacSecret, algorithm: .hs256, kid: kid)])
}

/// Claims that pass authlab's default policy at `testNow`.
func goodClaims(
    now: Int64 = testNow, issuer: String = "https://authlab.test", audience: String = "authlab"
) -> JSONObject {
    [
        "iss": .string(issuer), "aud": .string(audience), "sub": "42", "name": "alice",
        "iat": .int(now), "nbf": .int(now), "exp": .int(now + 900), "jti": "j-1",
    ]
}

/// Options matching `goodClaims`.
let goodOptions = ValidationOptions(issuer: "https://authlab.test", audience: "authlab")

/// Runs `body` and returns the JOSE error code it threw, or nil if it did not throw.
func joseCode<T>(_ body: () throws(JOSEError) -> T) -> JOSEError.Code? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.code
    }
}

/// One generated key per algorithm, made once per test run (RSA generation is slow).
enum TestKeys {
    private static let generated: Result<[JWSAlgorithm: SigningKey], JOSEError> = Result {
        () throws(JOSEError) in
        var keys: [JWSAlgorithm: SigningKey] = [:]
        for algorithm in JWSAlgorithm.allCases {
            keys[algorithm] = try SigningKey.generate(
                algorithm, kid: algorithm.rawValue.lowercased())
        }
        return keys
    }

    /// The key for `algorithm`, kid = the lowercased algorithm name.
    static func key(_ algorithm: JWSAlgorithm) throws -> SigningKey {
        try #require(try generated.get()[algorithm])
    }

    /// A ring holding one key of every algorithm, `first` first.
    static func ring(first: JWSAlgorithm = .hs256) throws -> KeyRing {
        let others = JWSAlgorithm.allCases.filter { $0 != first }
        return try KeyRing(try ([first] + others).map { try key($0) })
    }
}
