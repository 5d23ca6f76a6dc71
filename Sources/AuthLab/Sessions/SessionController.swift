import AuthLabHTTP
import AuthLabJSON

/// `/session/*`: login by password, then a cookie that names a row in SQLite.
struct SessionController: Sendable {
    let login: PasswordLogin
    let sessions: SessionStore
    let authenticator: SessionAuthenticator
    let csrf: CSRF
    let secureCookies: Bool

    func addRoutes(to router: Router<AppContext>) {
        router.post("/session/login", offload: true, handler: logIn)
        router.get("/session/me", handler: me)
        router.get("/session/sessions", handler: list)
        router.post("/session/logout", handler: logOut)
    }

    /// Checks the password, starts a fresh session (never reusing a presented id)
    /// and sets the cookie.
    @Sendable func logIn(_ request: Request, _ context: inout AppContext) throws -> Response {
        context.timing.scheme = "session"
        let user = try login.authenticate(request, scheme: "session", timing: &context.timing)
        let now = Monotonic.unixSeconds()
        for old in Cookies.values(named: "sid", in: request.headers) {
            try sessions.delete(idHash: SessionStore.hash(old), timing: &context.timing)
        }
        let (id, info) = try context.timing.auth { timing in
            try sessions.create(userID: user.id, now: now, timing: &timing)
        }
        var response = Response.json(
            .object([
                "user": user.json,
                "session": info.json,
                "csrf_token": .string(csrf.token(for: info.idHash)),
            ]))
        response.headers.add(name: "Set-Cookie", value: cookie(value: id, maxAge: sessions.ttl))
        response.headers.add(name: "Cache-Control", value: "no-store")
        return response
    }

    /// Who the cookie says you are.
    @Sendable func me(_ request: Request, _ context: inout AppContext) throws -> Response {
        let (user, info) = try authenticator.require(request, &context)
        return .json(.object(["auth": "session", "user": user.json, "session": info.json]))
    }

    /// This user's live sessions, marking the one that made the request.
    @Sendable func list(_ request: Request, _ context: inout AppContext) throws -> Response {
        let (user, info) = try authenticator.require(request, &context)
        let rows = try sessions.list(
            userID: user.id, now: Monotonic.unixSeconds(), timing: &context.timing)
        let items: [JSONValue] = rows.map { row in
            .object([
                "id_prefix": .string(Hex.encode(row.idHash.prefix(4))),
                "created_at": .int(row.createdAt),
                "expires_at": .int(row.expiresAt),
                "current": .bool(row.idHash == info.idHash),
            ])
        }
        return .json(.object(["sessions": .array(items)]))
    }

    /// Ends this session (or, with `?all=true`, every session of the user) once the
    /// CSRF token matches.
    @Sendable func logOut(_ request: Request, _ context: inout AppContext) throws -> Response {
        let (user, info) = try authenticator.require(request, &context)
        guard csrf.verify(request.headers["X-CSRF-Token"], idHash: info.idHash) else {
            throw APIError.csrfFailed()
        }
        if request.query?.split(separator: "&").contains("all=true") == true {
            _ = try sessions.deleteAll(userID: user.id, timing: &context.timing)
        } else {
            try sessions.delete(idHash: info.idHash, timing: &context.timing)
        }
        var response = Response.noContent()
        response.headers.add(name: "Set-Cookie", value: cookie(value: "", maxAge: 0))
        return response
    }

    private func cookie(value: String, maxAge: Int64) -> String {
        var cookie = "sid=\(value); Path=/; HttpOnly; SameSite=Lax; Max-Age=\(maxAge)"
        if secureCookies { cookie += "; Secure" }
        return cookie
    }
}

extension SessionInfo {
    /// `{"created_at","expires_at"}`.
    var json: JSONValue {
        .object(["created_at": .int(createdAt), "expires_at": .int(expiresAt)])
    }
}
