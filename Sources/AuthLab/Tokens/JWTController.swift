import AuthLabHTTP
import AuthLabJOSE
import AuthLabJSON

/// `/jwt/*`: login by password, then a signed token the server keeps no record of.
struct JWTController: Sendable {
    let login: PasswordLogin
    let tokens: TokenService
    let refreshTokens: RefreshTokenStore
    let denyList: DenyList?
    let authenticator: BearerAuthenticator

    func addRoutes(to router: Router<AppContext>) {
        router.post("/jwt/login", offload: true, handler: logIn)
        router.get("/jwt/me", handler: me)
        router.post("/jwt/refresh", handler: refresh)
        router.post("/jwt/logout", handler: logOut)
    }

    /// Checks the password and answers an access token and a refresh token.
    @Sendable func logIn(_ request: Request, _ context: inout AppContext) throws -> Response {
        context.timing.scheme = tokens.schemeName
        let user = try login.authenticate(request, scheme: "jwt", timing: &context.timing)
        let now = Monotonic.unixSeconds()
        let (refresh, refreshExpiry) = try refreshTokens.issue(
            userID: user.id, now: now, timing: &context.timing)
        return try pair(for: user, refresh: refresh, refreshExpiry: refreshExpiry, now: now)
    }

    /// Who the token says you are: verified from the token alone.
    @Sendable func me(_ request: Request, _ context: inout AppContext) throws -> Response {
        let (user, claims) = try authenticator.require(request, &context)
        return .json(.object(["auth": "jwt", "user": user.json, "claims": .object(claims.object)]))
    }

    /// Spends a refresh token for a new pair; a spent one revokes its whole family.
    @Sendable func refresh(_ request: Request, _ context: inout AppContext) throws -> Response {
        context.timing.scheme = tokens.schemeName
        let presented = try JSONBody(request).string("refresh_token")
        let now = Monotonic.unixSeconds()
        let outcome = try context.timing.auth { timing in
            try refreshTokens.rotate(token: presented, now: now, timing: &timing)
        }
        switch outcome {
        case .rotated(let userID, let username, let token, let expiresAt):
            let user = User(id: userID, username: username)
            return try pair(for: user, refresh: token, refreshExpiry: expiresAt, now: now)
        case .reused:
            throw APIError.invalidToken(
                "refresh token already used: its whole family is now revoked (possible theft)")
        case .invalid(let reason):
            throw APIError.invalidToken(reason)
        }
    }

    /// Revokes the refresh family; with the deny-list on, also the presented access token.
    @Sendable func logOut(_ request: Request, _ context: inout AppContext) throws -> Response {
        context.timing.scheme = tokens.schemeName
        let presented = try JSONBody(request).string("refresh_token")
        let now = Monotonic.unixSeconds()
        // Check the access token before changing anything: an error answer changes nothing.
        var claims: JWTClaims?
        if denyList != nil, request.headers["Authorization"] != nil {
            claims = try authenticator.require(request, &context).1
        }
        _ = try refreshTokens.revokeFamily(of: presented, now: now, timing: &context.timing)
        if let denyList, let jti = claims?.jti, let exp = claims?.exp {
            try denyList.deny(jti: jti, expiresAt: exp, timing: &context.timing)
        }
        return .noContent()
    }

    private func pair(for user: User, refresh: String, refreshExpiry: Int64, now: Int64) throws
        -> Response
    {
        let access = try tokens.accessToken(for: user, now: now)
        var response = Response.json(
            .object([
                "access_token": .string(access),
                "token_type": "Bearer",
                "expires_in": .int(tokens.accessTTL),
                "refresh_token": .string(refresh),
                "refresh_expires_in": .int(max(0, refreshExpiry - now)),
            ]))
        response.headers.add(name: "Cache-Control", value: "no-store")
        return response
    }
}
