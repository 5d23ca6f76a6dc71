import AuthLabHTTP

/// Adds `Server-Timing` to every response that passes through the router, errors
/// included, from what the request recorded in `context.timing`.
struct ServerTimingMiddleware: Middleware {
    func handle(
        _ request: Request, context: inout AppContext,
        next: (Request, inout AppContext) throws -> Response
    ) throws -> Response {
        var response = try next(request, &context)
        response.headers.add(name: "Server-Timing", value: context.timing.headerValue)
        return response
    }
}
