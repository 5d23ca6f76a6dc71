internal import AuthLabCrypto
public import AuthLabJSON

/// Signs JWTs with the ring's signing key, header exactly `{"alg":..,"typ":"JWT","kid":..}`.
public struct TokenSigner: Sendable {
    /// The ring whose first key signs.
    public let keyRing: KeyRing
    private let headerSegment: [UInt8]

    /// A signer for `keyRing.signingKey`.
    public init(keyRing: KeyRing) {
        self.keyRing = keyRing
        let key = keyRing.signingKey
        let header: JSONObject = [
            "alg": .string(key.algorithm.rawValue), "typ": "JWT", "kid": .string(key.kid),
        ]
        headerSegment = Base64URL.encodeBytes(CompactJSON.of(header))
    }

    /// The compact JWS of `claims`. Throws `invalid_key` if the signing key cannot sign.
    public func sign(claims: JSONObject) throws(JOSEError) -> String {
        var token = headerSegment
        token.append(UInt8(ascii: "."))
        token.append(contentsOf: Base64URL.encodeBytes(CompactJSON.of(claims)))
        let key = keyRing.signingKey
        let result: Result<[UInt8], JOSEError> = token.withUnsafeBytes { input in
            Result { () throws(JOSEError) in try key.sign(input) }
        }
        let signature = try result.get()
        token.append(UInt8(ascii: "."))
        token.append(contentsOf: Base64URL.encodeBytes(signature))
        return String(decoding: token, as: UTF8.self)
    }
}
