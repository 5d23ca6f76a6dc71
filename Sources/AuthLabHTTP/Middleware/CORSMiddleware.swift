/// Cross-origin resource sharing: answers preflights and adds CORS headers to responses.
///
/// `.any` sends `Access-Control-Allow-Origin: *` and never credentials (browsers refuse `*`
/// with credentials). `.list` echoes only listed origins, with
/// `Access-Control-Allow-Credentials: true` when `allowCredentials` and `Vary: Origin`; any
/// other origin gets no CORS headers at all (and its preflight falls through to routing).
/// Put it on a route group: the group's middleware also wraps its 405 answers, so a
/// preflight `OPTIONS` to a POST-only route is answered here.
public struct CORSMiddleware<Context: RequestContext>: Middleware {
    /// Which origins may read responses.
    public enum AllowedOrigins: Sendable, Equatable {
        case any
        case list([String])
    }

    public var allowedOrigins: AllowedOrigins
    public var allowCredentials: Bool
    public var allowedMethods: [HTTPMethod]
    public var allowedHeaders: [String]
    public var exposedHeaders: [String]
    /// Seconds a browser may cache a preflight answer.
    public var maxAge: Int

    public init(
        allowedOrigins: AllowedOrigins = .any, allowCredentials: Bool = false,
        allowedMethods: [HTTPMethod] = [.get, .post, .put, .patch, .delete],
        allowedHeaders: [String] = ["Authorization", "Content-Type"],
        exposedHeaders: [String] = ["Server-Timing"], maxAge: Int = 600
    ) {
        self.allowedOrigins = allowedOrigins
        self.allowCredentials = allowCredentials
        self.allowedMethods = allowedMethods
        self.allowedHeaders = allowedHeaders
        self.exposedHeaders = exposedHeaders
        self.maxAge = maxAge
    }

    public func handle(
        _ request: Request, context: inout Context,
        next: (Request, inout Context) throws -> Response
    ) throws -> Response {
        guard let origin = request.headers["Origin"], let allowed = allowedValue(for: origin)
        else { return try next(request, &context) }
        if request.method == .options, request.headers.contains("Access-Control-Request-Method") {
            var response = Response.noContent()
            addOriginHeaders(allowed, to: &response)
            response.headers.add(
                name: "Access-Control-Allow-Methods",
                value: allowedMethods.map(\.rawValue).joined(separator: ", "))
            response.headers.add(
                name: "Access-Control-Allow-Headers",
                value: allowedHeaders.joined(separator: ", "))
            response.headers.add(name: "Access-Control-Max-Age", value: String(maxAge))
            return response
        }
        var response = try next(request, &context)
        addOriginHeaders(allowed, to: &response)
        if !exposedHeaders.isEmpty {
            response.headers.add(
                name: "Access-Control-Expose-Headers", value: exposedHeaders.joined(separator: ", ")
            )
        }
        return response
    }

    private func allowedValue(for origin: String) -> String? {
        switch allowedOrigins {
        case .any: "*"
        case .list(let origins): origins.contains(origin) ? origin : nil
        }
    }

    private func addOriginHeaders(_ allowed: String, to response: inout Response) {
        response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: allowed)
        guard allowed != "*" else { return }
        if allowCredentials {
            response.headers.replaceOrAdd(name: "Access-Control-Allow-Credentials", value: "true")
        }
        response.headers.add(name: "Vary", value: "Origin")
    }
}
