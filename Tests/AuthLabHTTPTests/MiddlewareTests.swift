import Testing

@testable import AuthLabHTTP

private struct TimedContext: ServerTimingContext {
    var serverTimings = ServerTimings()
    init(request: Request) {}
}

private func respond<C>(
    _ router: Router<C>, _ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:]
) -> Response {
    let responder = router.buildResponder()
    var request = Request(method: method, target: target, headers: headers)
    let route = responder.resolve(&request)
    return responder.respond(to: request, route: route)
}

private func corsRouter() -> Router<BasicRequestContext> {
    let router = Router<BasicRequestContext>()
    let api = router.group("/jwt")
    api.add(middleware: CORSMiddleware())
    api.post("/login") { _, _ in .text("token") }
    let session = router.group("/session")
    session.add(
        middleware: CORSMiddleware(
            allowedOrigins: .list(["https://app.example"]), allowCredentials: true))
    session.get("/me") { _, _ in .text("me") }
    return router
}

@Test("a public-API preflight to a POST-only route answers 204 with the CORS headers")
func corsPreflight() {
    let response = respond(
        corsRouter(), .options, "/jwt/login",
        headers: ["Origin": "https://x.example", "Access-Control-Request-Method": "POST"])
    #expect(response.status == .noContent)
    #expect(response.headers["Access-Control-Allow-Origin"] == "*")
    #expect(response.headers["Access-Control-Allow-Headers"] == "Authorization, Content-Type")
    #expect(response.headers["Access-Control-Max-Age"] == "600")
    #expect(response.headers["Access-Control-Allow-Credentials"] == nil)
}

@Test("credentialed CORS echoes only listed origins, with Vary: Origin")
func corsCredentialedList() {
    let router = corsRouter()
    let listed = respond(router, .get, "/session/me", headers: ["Origin": "https://app.example"])
    #expect(listed.headers["Access-Control-Allow-Origin"] == "https://app.example")
    #expect(listed.headers["Access-Control-Allow-Credentials"] == "true")
    #expect(listed.headers["Vary"] == "Origin")
    let other = respond(router, .get, "/session/me", headers: ["Origin": "https://evil.example"])
    #expect(other.status == .ok)
    #expect(other.headers["Access-Control-Allow-Origin"] == nil)
    let preflight = respond(
        router, .options, "/session/me",
        headers: ["Origin": "https://evil.example", "Access-Control-Request-Method": "GET"])
    #expect(preflight.status == .methodNotAllowed)
    #expect(preflight.headers["Access-Control-Allow-Origin"] == nil)
}

@Test("Server-Timing middleware covers handlers, thrown errors and 404s, with auth and db")
func serverTimingMiddleware() {
    let router = Router<TimedContext>()
    router.add(middleware: ServerTimingMiddleware())
    router.get("/login") { _, context in
        context.serverTimings.add("auth", milliseconds: 12.5, description: "argon2id")
        throw HTTPResponseError(
            status: .unauthorized, code: "invalid_credentials", description: "No.")
    }
    let failed = respond(router, .get, "/login")
    #expect(failed.status == .unauthorized)
    #expect(
        failed.headers["Server-Timing"] == #"auth;dur=12.5;desc="argon2id", db;dur=0;desc="none""#)
    let missing = respond(router, .get, "/nope")
    #expect(missing.headers["Server-Timing"] == #"auth;dur=0;desc="none", db;dur=0;desc="none""#)
}
