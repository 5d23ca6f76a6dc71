import AuthLabHTTP
import AuthLabJOSE

/// Turns `Authorization: Bearer <token>` into an identity with no database query
/// (unless the deny-list is on), or answers 401 with an RFC 6750 challenge.
struct BearerAuthenticator: Sendable {
    let tokens: TokenService
    let denyList: DenyList?
    let metrics: AppMetrics

    /// The token's user and claims, set as `context.identity`.
    func require(_ request: Request, _ context: inout AppContext) throws -> (User, JWTClaims) {
        context.timing.scheme = tokens.schemeName
        guard let token = Authorization.bearerToken(request.headers["Authorization"]) else {
            metrics.authentication(scheme: "jwt", result: "missing")
            throw APIError.bearerMissing()
        }
        let claims: JWTClaims
        do {
            claims = try context.timing.auth { _ in
                try tokens.verifier.verify(token, now: Monotonic.unixSeconds()).claims
            }
        } catch let error as JOSEError {
            metrics.authentication(scheme: "jwt", result: error.code.rawValue)
            throw APIError.invalidToken(error.description)
        }
        guard let sub = claims.sub, let id = Int64(sub), let name = claims.name else {
            metrics.authentication(scheme: "jwt", result: "invalid_claim")
            throw APIError.invalidToken("the token does not name a user of this server (sub, name)")
        }
        if let denyList, let jti = claims.jti {
            let denied = try context.timing.auth { timing in
                try denyList.contains(jti: jti, timing: &timing)
            }
            if denied {
                metrics.authentication(scheme: "jwt", result: "revoked")
                throw APIError.invalidToken("the token was revoked (logged out)")
            }
        }
        metrics.authentication(scheme: "jwt", result: "ok")
        let user = User(id: id, username: name)
        context.identity = .jwt(user, claims)
        return (user, claims)
    }
}
