import AuthLabHTTP

/// CORS as the contract wants it: `*` for the public token API, never `*` for the
/// cookie API, where only listed origins get their origin echoed with credentials.
///
/// A browser refuses `Access-Control-Allow-Origin: *` on a credentialed request,
/// and echoing any origin with credentials would let every site ride the cookie.
struct CORSMiddleware: Middleware {
    let allowedOrigins: Set<String>
    /// Methods of each public path, for the preflight's `Access-Control-Allow-Methods`.
    let allowHeadersPublic = "Authorization, Content-Type"
    let allowHeadersSession = "Content-Type, X-CSRF-Token"
    let maxAge = "600"

    func handle(
        _ request: Request, context: inout AppContext,
        next: (Request, inout AppContext) throws -> Response
    ) throws -> Response {
        let path = request.path
        let isSession = path.hasPrefix("/session/")
        let isPublic =
            path.hasPrefix("/jwt/") || path == "/users" || path.hasPrefix("/.well-known/")
            || path == "/healthz"
        guard isSession || isPublic else { return try next(request, &context) }
        let origin = request.headers["Origin"]
        let preflight =
            request.method == .options && request.headers["Access-Control-Request-Method"] != nil
        var response: Response
        if preflight {
            response = Response.noContent()
            let methods =
                isSession ? "GET, POST" : (path.hasPrefix("/jwt/me") ? "GET" : "GET, POST")
            if isPublic {
                response.headers.add(name: "Access-Control-Allow-Methods", value: methods)
                response.headers.add(
                    name: "Access-Control-Allow-Headers", value: allowHeadersPublic)
                response.headers.add(name: "Access-Control-Max-Age", value: maxAge)
            } else if let origin, allowedOrigins.contains(origin) {
                response.headers.add(name: "Access-Control-Allow-Methods", value: methods)
                response.headers.add(
                    name: "Access-Control-Allow-Headers", value: allowHeadersSession)
                response.headers.add(name: "Access-Control-Max-Age", value: maxAge)
            }
        } else {
            do {
                response = try next(request, &context)
            } catch let error as HTTPResponseError {
                response = error.response
            }
        }
        if isPublic {
            response.headers.add(name: "Access-Control-Allow-Origin", value: "*")
            response.headers.add(
                name: "Access-Control-Expose-Headers", value: "Server-Timing, WWW-Authenticate")
        } else {
            response.headers.add(name: "Vary", value: "Origin")
            if let origin, allowedOrigins.contains(origin) {
                response.headers.add(name: "Access-Control-Allow-Origin", value: origin)
                response.headers.add(name: "Access-Control-Allow-Credentials", value: "true")
                response.headers.add(name: "Access-Control-Expose-Headers", value: "Server-Timing")
            }
        }
        return response
    }
}
