public import AuthLabJSON

extension KeyRing {
    /// A ring from a JWK Set (RFC 7517 §5) `{"keys":[...]}`; the first key signs.
    public init(jwkSet: JSONValue) throws(JOSEError) {
        guard let keys = jwkSet["keys"]?.arrayValue else {
            throw JOSEError(.invalidKey, "a JWK Set must be an object with a keys array")
        }
        var signingKeys: [SigningKey] = []
        for jwk in keys {
            signingKeys.append(try SigningKey(jwk: jwk))
        }
        try self.init(signingKeys)
    }

    /// A ring from the bytes of a JWK Set file.
    public init(jwkSetJSON: [UInt8]) throws(JOSEError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(jwkSetJSON)
        } catch {
            throw JOSEError(.invalidKey, "the JWK Set is not valid JSON (\(error.code.rawValue))")
        }
        try self.init(jwkSet: value)
    }

    /// Every key with its private members, `{"keys":[...]}` (for key files; keep it secret).
    public func privateJWKSet() -> JSONValue {
        ["keys": .array(keys.map { $0.privateJWK() })]
    }

    /// The public keys of the asymmetric keys, `{"keys":[...]}`; HMAC keys never appear.
    public func publicJWKSet() -> JSONValue {
        ["keys": .array(keys.compactMap { $0.publicJWK() })]
    }
}
