internal import AuthLabJSON

/// A token whose signature and claims both checked out.
public struct VerifiedToken: Sendable {
    /// The protected header.
    public let header: JWSHeader
    /// The validated claims.
    public let claims: JWTClaims
    /// The kid of the key that verified the signature.
    public let kid: String
}

/// Verifies JWTs: a pure function of (token bytes, now, key ring, options).
///
/// The order is fixed and pinned by tests: size ≤ 8 KiB, three segments, base64url, header
/// JSON, header policy (`crit`, `jwk`, `jku`, `x5u`, `x5c`), alg and kid against the key ring,
/// the signature (constant time for HMAC), and only then the claims. So a forged token is
/// always `bad_signature`, never merely `expired`.
public struct TokenVerifier: Sendable {
    /// The keys tokens may be signed with.
    public let keyRing: KeyRing
    /// The claims policy.
    public let options: ValidationOptions

    /// A verifier for `keyRing` and `options`.
    public init(keyRing: KeyRing, options: ValidationOptions = ValidationOptions()) {
        self.keyRing = keyRing
        self.options = options
    }

    /// Verifies the compact JWS in `token` at Unix time `now`.
    public func verify(_ token: UnsafeRawBufferPointer, now: Int64) throws(JOSEError)
        -> VerifiedToken
    {
        let (jws, key) = try CompactJWS.verifySignature(token, keyRing: keyRing)
        let claims = try Self.claims(from: jws.payload)
        try ClaimsValidator(options: options).validate(claims, now: now)
        return VerifiedToken(header: jws.header, claims: claims, kid: key.kid)
    }

    /// Verifies the compact JWS in `token` at Unix time `now`.
    public func verify(_ token: String, now: Int64) throws(JOSEError) -> VerifiedToken {
        var token = token
        let result: Result<VerifiedToken, JOSEError> = token.withUTF8 { utf8 in
            Result { () throws(JOSEError) in
                try verify(UnsafeRawBufferPointer(utf8), now: now)
            }
        }
        return try result.get()
    }

    /// Parses a verified payload as a claims object.
    static func claims(from payload: [UInt8]) throws(JOSEError) -> JWTClaims {
        let value: JSONValue
        do {
            value = try JSONParser.parse(payload, maxDepth: 16)
        } catch {
            if error.code == .numberOutOfRange {
                throw JOSEError(.invalidClaim, "a claim holds a number out of range")
            }
            throw JOSEError(.malformed, "the payload is not valid JSON (\(error.code.rawValue))")
        }
        guard case .object(let object) = value else {
            throw JOSEError(.malformed, "the payload is not a JSON object")
        }
        return try JWTClaims(object: object)
    }
}
