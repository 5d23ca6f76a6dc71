/// The frozen router: resolves paths and runs middleware plus handler, turning errors into JSON.
public final class RouterResponder<Context: RequestContext>: HTTPResponder {
    struct Endpoint: Sendable {
        let template: String
        let offload: Bool
        let middlewares: [any Middleware<Context>]
        let handler: Router<Context>.Handler
    }

    /// The metrics label of requests that matched no route.
    public static var unmatchedTemplate: String { "unmatched" }

    private let trie: RouteTrie
    private let endpoints: [Endpoint]
    private let middlewares: [any Middleware<Context>]
    private let log: LogSink

    init(
        trie: RouteTrie, endpoints: [Endpoint], middlewares: [any Middleware<Context>],
        log: LogSink
    ) {
        self.trie = trie
        self.endpoints = endpoints
        self.middlewares = middlewares
        self.log = log
    }

    public func resolve(_ request: inout Request) -> ResolvedRoute {
        var captured: [(String, Substring)] = []
        guard let node = trie.find(request.path, parameters: &captured),
            let template = node.template
        else {
            return ResolvedRoute(
                match: .notFound, template: Self.unmatchedTemplate, offload: false)
        }
        let method = request.method
        let hit =
            node.methods.first { $0.method == method }
            ?? (method == .head ? node.methods.first { $0.method == .get } : nil)
        guard let hit, endpoints.indices.contains(hit.endpoint) else {
            var allow = node.methods.map(\.method)
            if allow.contains(.get), !allow.contains(.head) { allow.append(.head) }
            return ResolvedRoute(
                match: .methodNotAllowed(allow: allow, sibling: node.methods.first?.endpoint ?? -1),
                template: template, offload: false)
        }
        for (name, value) in captured {
            request.parameters[name] = String(value)
        }
        request.routeTemplate = template
        return ResolvedRoute(
            match: .endpoint(hit.endpoint), template: template,
            offload: endpoints[hit.endpoint].offload)
    }

    public func respond(to request: Request, route: ResolvedRoute) -> Response {
        var context = Context(request: request)
        switch route.match {
        case .endpoint(let index) where endpoints.indices.contains(index):
            let endpoint = endpoints[index]
            return run(0, endpoint.middlewares, request, &context, endpoint.handler)
        case .endpoint, .notFound:
            return run(0, [], request, &context) { _, _ in throw HTTPResponseError.notFound }
        case .methodNotAllowed(let allow, let sibling):
            let local = endpoints.indices.contains(sibling) ? endpoints[sibling].middlewares : []
            return run(0, local, request, &context) { _, _ in
                throw HTTPResponseError.methodNotAllowed(allow: allow)
            }
        }
    }

    /// Runs router middleware, then `local` middleware, then `handler`; each level turns
    /// what was thrown inside it into a response, so every `next` returns a response.
    private func run(
        _ level: Int, _ local: [any Middleware<Context>], _ request: Request,
        _ context: inout Context, _ handler: (Request, inout Context) throws -> Response
    ) -> Response {
        do {
            let middleware: (any Middleware<Context>)?
            if level < middlewares.count {
                middleware = middlewares[level]
            } else if level - middlewares.count < local.count {
                middleware = local[level - middlewares.count]
            } else {
                middleware = nil
            }
            guard let middleware else { return try handler(request, &context) }
            return try middleware.handle(request, context: &context) { request, context in
                run(level + 1, local, request, &context, handler)
            }
        } catch {
            return response(for: error, request: request)
        }
    }

    /// Typed errors become their JSON; anything else is logged once and becomes a bare 500.
    func response(for error: any Error, request: Request) -> Response {
        if let error = error as? HTTPResponseError { return error.response }
        if let error = error as? any HTTPResponseErrorConvertible {
            return error.httpResponseError.response
        }
        log.write(
            "unexpected error in \(request.method) \(request.routeTemplate ?? request.path): "
                + String(describing: type(of: error)) + ": " + String(describing: error))
        return HTTPResponseError.internalError.response
    }
}
