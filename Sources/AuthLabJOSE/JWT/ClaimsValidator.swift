/// The claims checks, as a flat script over one `now` (pyjwt `_validate_claims`).
///
/// Leeway is applied one way only, in the token's favour: it extends `exp`, pulls `nbf` and
/// the future bound on `iat` earlier, and stretches `maxAge`.
public struct ClaimsValidator: Sendable {
    /// The policy applied.
    public let options: ValidationOptions

    /// A validator for `options`.
    public init(options: ValidationOptions) {
        self.options = options
    }

    /// Runs every check in order; the first failure is thrown.
    public func validate(_ claims: JWTClaims, now: Int64) throws(JOSEError) {
        let leeway = min(max(options.leeway, 0), 86_400)
        try validateExp(claims, now: now, leeway: leeway)
        try validateNbf(claims, now: now, leeway: leeway)
        try validateIat(claims, now: now, leeway: leeway)
        try validateIssuer(claims)
        try validateAudience(claims)
        try requireSubject(claims)
        try validateMaxAge(claims, now: now, leeway: leeway)
    }

    func validateExp(_ claims: JWTClaims, now: Int64, leeway: Int64) throws(JOSEError) {
        guard let exp = claims.exp else {
            throw JOSEError(.missingClaim, "the token has no exp claim")
        }
        guard now < exp + leeway else { throw JOSEError(.expired) }
    }

    func validateNbf(_ claims: JWTClaims, now: Int64, leeway: Int64) throws(JOSEError) {
        guard let nbf = claims.nbf else { return }
        guard nbf <= now + leeway else { throw JOSEError(.notYetValid) }
    }

    func validateIat(_ claims: JWTClaims, now: Int64, leeway: Int64) throws(JOSEError) {
        guard let iat = claims.iat else { return }
        guard iat <= now + leeway else { throw JOSEError(.issuedInFuture) }
    }

    func validateIssuer(_ claims: JWTClaims) throws(JOSEError) {
        guard let issuer = options.issuer else { return }
        guard let iss = claims.iss else {
            throw JOSEError(.missingClaim, "the token has no iss claim")
        }
        guard iss == issuer else { throw JOSEError(.wrongIssuer) }
    }

    func validateAudience(_ claims: JWTClaims) throws(JOSEError) {
        guard let audience = options.audience else {
            guard claims.aud == nil else {
                throw JOSEError(
                    .wrongAudience, "the token names an audience and this verifier expects none")
            }
            return
        }
        guard let aud = claims.aud else {
            throw JOSEError(.missingClaim, "the token has no aud claim")
        }
        guard aud.contains(audience) else { throw JOSEError(.wrongAudience) }
    }

    func requireSubject(_ claims: JWTClaims) throws(JOSEError) {
        guard options.requireSubject, claims.sub == nil else { return }
        throw JOSEError(.missingClaim, "the token has no sub claim")
    }

    func validateMaxAge(_ claims: JWTClaims, now: Int64, leeway: Int64) throws(JOSEError) {
        guard let maxAge = options.maxAge else { return }
        guard let iat = claims.iat else {
            throw JOSEError(.missingClaim, "the token has no iat claim, needed for its age")
        }
        guard now - iat <= min(max(maxAge, 0), 1 << 40) + leeway else { throw JOSEError(.tooOld) }
    }
}
