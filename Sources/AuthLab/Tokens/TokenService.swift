import AuthLabCrypto
import AuthLabJOSE
import AuthLabJSON

/// Signs access tokens and verifies them: the stateless half of authlab.
struct TokenService: Sendable {
    let keyRing: KeyRing
    let signer: TokenSigner
    let verifier: TokenVerifier
    let accessTTL: Int64
    let issuer: String
    let audience: String

    init(keyRing: KeyRing, config: AppConfig) {
        self.keyRing = keyRing
        self.schemeName = "jwt \(keyRing.signingKey.algorithm.rawValue)"
        self.signer = TokenSigner(keyRing: keyRing)
        self.verifier = TokenVerifier(
            keyRing: keyRing,
            options: ValidationOptions(
                issuer: config.issuer, audience: config.audience, leeway: config.leeway))
        self.accessTTL = config.accessTTL
        self.issuer = config.issuer
        self.audience = config.audience
    }

    /// The `desc` of Server-Timing for the token side, e.g. `jwt HS256`.
    let schemeName: String

    /// An access token for `user`: enough claims to identify them, nothing more.
    func accessToken(for user: User, now: Int64) throws -> String {
        let claims: JSONObject = [
            "iss": .string(issuer),
            "aud": .string(audience),
            "sub": .string(String(user.id)),
            "name": .string(user.username),
            "iat": .int(now),
            "nbf": .int(now),
            "exp": .int(now + accessTTL),
            "jti": .string(Base64URL.encode(try SecureRandom.bytes(16))),
        ]
        return try signer.sign(claims: claims)
    }
}
