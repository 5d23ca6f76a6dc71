import Synchronization
import Testing

@testable import AuthLabHTTP

/// Records the order middleware and handlers run in.
struct TraceContext: RequestContext {
    var trace: [String] = []
    init(request: Request) {}
}

struct TraceMiddleware: Middleware {
    let name: String
    func handle(
        _ request: Request, context: inout TraceContext,
        next: (Request, inout TraceContext) throws -> Response
    ) throws -> Response {
        context.trace.append(name + ">")
        var response = try next(request, &context)
        context.trace.append("<" + name)
        response.headers.add(name: "X-Trace", value: context.trace.joined(separator: ","))
        return response
    }
}

private struct Secret: Error {
    let path = "/var/lib/authlab/secret.key"
}

private func respond<C>(_ router: Router<C>, _ method: HTTPMethod, _ target: String) -> Response {
    let responder = router.buildResponder()
    var request = Request(method: method, target: target)
    let route = responder.resolve(&request)
    return responder.respond(to: request, route: route)
}

private func text(_ response: Response) -> String {
    String(decoding: response.body, as: UTF8.self)
}

@Test("an unknown path answers 404 with the JSON error body")
func routerNotFound() {
    let router = Router<BasicRequestContext>()
    router.get("/healthz") { _, _ in .text("ok") }
    let response = respond(router, .get, "/nope")
    #expect(response.status == .notFound)
    #expect(response.headers["content-type"] == "application/json")
    #expect(
        text(response) == #"{"error":"not_found","error_description":"No resource at this path."}"#)
}

@Test("a known path with the wrong method answers 405 with Allow")
func routerMethodNotAllowed() {
    let router = Router<BasicRequestContext>()
    router.get("/users/:id") { _, _ in .text("get") }
    router.delete("/users/:id") { _, _ in .noContent() }
    let response = respond(router, .post, "/users/7")
    #expect(response.status == .methodNotAllowed)
    #expect(response.headers["Allow"] == "GET, DELETE, HEAD")
    #expect(text(response).contains(#""error":"method_not_allowed""#))
}

@Test("path parameters are captured raw and literal segments win over parameters")
func routerPathParameters() {
    let router = Router<BasicRequestContext>()
    router.get("/users/:id/posts/:post") { request, _ in
        .text("\(request.parameters["id"] ?? "-")|\(request.parameters["post"] ?? "-")")
    }
    router.get("/users/me") { _, _ in .text("me") }
    #expect(text(respond(router, .get, "/users/42/posts/a%20b?x=1")) == "42|a%20b")
    #expect(text(respond(router, .get, "/users/me")) == "me")
    #expect(respond(router, .get, "/users/42/posts").status == .notFound)
    #expect(respond(router, .get, "/users//posts/1").status == .notFound)
}

@Test("middleware runs in declaration order, router middleware outside group middleware")
func routerMiddlewareOrder() {
    let router = Router<TraceContext>()
    router.add(middleware: TraceMiddleware(name: "a"))
    router.add(middleware: TraceMiddleware(name: "b"))
    let group = router.group("/api")
    group.add(middleware: TraceMiddleware(name: "g"))
    group.get("/x") { _, context in
        context.trace.append("handler")
        return .text("x")
    }
    let response = respond(router, .get, "/api/x")
    #expect(response.headers.values(for: "X-Trace").last == "a>,b>,g>,handler,<g,<b,<a")
    #expect(response.headers.values(for: "X-Trace").count == 3)
}

@Test("router middleware also wraps 404 and 405 answers")
func routerMiddlewareCoversErrors() {
    let router = Router<TraceContext>()
    router.add(middleware: TraceMiddleware(name: "timing"))
    router.post("/login") { _, _ in .text("ok") }
    #expect(respond(router, .get, "/missing").headers["X-Trace"] == "timing>,<timing")
    #expect(respond(router, .get, "/login").headers["X-Trace"] == "timing>,<timing")
}

@Test("a thrown HTTPResponseError becomes its JSON body with its headers")
func routerTypedError() {
    let router = Router<BasicRequestContext>()
    router.get("/me") { _, _ in
        throw HTTPResponseError(
            status: .unauthorized, code: "unauthenticated", description: "Say \"who\".",
            headers: ["WWW-Authenticate": #"Bearer realm="authlab""#])
    }
    let response = respond(router, .get, "/me")
    #expect(response.status == .unauthorized)
    #expect(response.headers["WWW-Authenticate"] == #"Bearer realm="authlab""#)
    #expect(text(response) == #"{"error":"unauthenticated","error_description":"Say \"who\"."}"#)
}

@Test("an unexpected error answers a bare 500 internal_error, logs one line, leaks nothing")
func routerUnexpectedError() {
    let log = LogCapture()
    let router = Router<BasicRequestContext>(log: log.sink)
    router.get("/boom") { _, _ in throw Secret() }
    let response = respond(router, .get, "/boom")
    #expect(response.status == .internalServerError)
    #expect(
        text(response)
            == #"{"error":"internal_error","error_description":"The server failed to handle this request."}"#
    )
    #expect(!text(response).contains("secret"))
    #expect(log.all.count == 1)
    #expect(log.all.first?.contains("Secret") == true)
}

@Test("HEAD falls back to the GET route")
func routerHeadFallsBackToGet() {
    let router = Router<BasicRequestContext>()
    router.get("/healthz") { _, _ in .text("ok") }
    #expect(respond(router, .head, "/healthz").status == .ok)
}

@Test("offload flag and template come out of resolution")
func routerResolvesOffload() {
    let router = Router<BasicRequestContext>()
    router.group("/session").post("/login", offload: true) { _, _ in .text("ok") }
    let responder = router.buildResponder()
    var request = Request(method: .post, target: "/session/login")
    let route = responder.resolve(&request)
    #expect(route.offload)
    #expect(route.template == "/session/login")
    #expect(request.routeTemplate == "/session/login")
}
