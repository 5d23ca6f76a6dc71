import AuthLabHTTP

/// CORS as the contract wants it: `*` for the public token API, never `*` for the
/// cookie API, where only listed origins get their origin echoed with credentials.
///
/// A browser refuses `Access-Control-Allow-Origin: *` on a credentialed request,
/// and echoing any origin with credentials would let every site ride the cookie.
/// The token API can say `*` because a browser sends it no credentials by itself:
/// the calling page must set `Authorization` on purpose.
struct CORSMiddleware: Middleware {
    let allowedOrigins: Set<String>
    let maxAge = "600"

    /// Which policy a path falls under.
    enum Policy {
        case publicAPI
        case session
        case none
    }

    static func policy(for path: String) -> Policy {
        if path.hasPrefix("/session/") { return .session }
        if path.hasPrefix("/jwt/") || path == "/users" || path.hasPrefix("/.well-known/")
            || path == "/healthz"
        {
            return .publicAPI
        }
        return .none
    }

    /// The methods a preflight may ask for on `path`.
    static func methods(for path: String) -> String {
        switch path {
        case "/jwt/me", "/healthz", "/session/me", "/session/sessions": "GET"
        case _ where path.hasPrefix("/.well-known/"): "GET"
        default: "POST"
        }
    }

    func handle(
        _ request: Request, context: inout AppContext,
        next: (Request, inout AppContext) throws -> Response
    ) throws -> Response {
        let policy = Self.policy(for: request.path)
        guard policy != .none else { return try next(request, &context) }
        let origin = request.headers["Origin"]
        let listed = origin.map { allowedOrigins.contains($0) } ?? false
        let preflight =
            request.method == .options && request.headers.contains("Access-Control-Request-Method")
        var response: Response
        if preflight {
            response = Response.noContent()
            if policy == .publicAPI || listed {
                response.headers.add(
                    name: "Access-Control-Allow-Methods", value: Self.methods(for: request.path))
                response.headers.add(
                    name: "Access-Control-Allow-Headers",
                    value: policy == .publicAPI
                        ? "Authorization, Content-Type" : "Content-Type, X-CSRF-Token")
                response.headers.add(name: "Access-Control-Max-Age", value: maxAge)
            }
        } else {
            response = try next(request, &context)
        }
        switch policy {
        case .publicAPI:
            response.headers.add(name: "Access-Control-Allow-Origin", value: "*")
            response.headers.add(
                name: "Access-Control-Expose-Headers", value: "Server-Timing, WWW-Authenticate")
        case .session:
            response.headers.add(name: "Vary", value: "Origin")
            if listed, let origin {
                response.headers.add(name: "Access-Control-Allow-Origin", value: origin)
                response.headers.add(name: "Access-Control-Allow-Credentials", value: "true")
                response.headers.add(name: "Access-Control-Expose-Headers", value: "Server-Timing")
            }
        case .none:
            break
        }
        return response
    }
}
