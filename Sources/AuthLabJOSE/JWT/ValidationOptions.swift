/// The claims policy a `TokenVerifier` applies after the signature checks out.
public struct ValidationOptions: Sendable, Equatable {
    /// Required `iss`, if set.
    public var issuer: String?
    /// Required member of `aud`, if set. If nil, a token that carries `aud` is refused
    /// (RFC 7519 §4.1.3: we cannot identify with any of its audiences).
    public var audience: String?
    /// Clock-skew allowance in seconds, always in the token's favour (0...86400).
    public var leeway: Int64
    /// Maximum age in seconds measured from `iat`, if set (then `iat` is required).
    public var maxAge: Int64?
    /// Whether `sub` is required (authlab's tokens always carry one).
    public var requireSubject: Bool

    /// Creates options; the defaults match authlab's access tokens.
    public init(
        issuer: String? = nil, audience: String? = nil, leeway: Int64 = 30,
        maxAge: Int64? = nil, requireSubject: Bool = true
    ) {
        self.issuer = issuer
        self.audience = audience
        self.leeway = leeway
        self.maxAge = maxAge
        self.requireSubject = requireSubject
    }
}
