/// Collects routes, groups and middleware; `buildResponder()` freezes them for the server.
///
/// Router middleware (added with `add(middleware:)`) wraps every request, including the
/// 404 and 405 answers, so app middleware such as CORS and Server-Timing covers them. Group
/// middleware wraps only the group's routes, inside the router's. Order is declaration order.
/// Not thread-safe: configure it on one thread, then build.
public final class Router<Context: RequestContext>: RouteBuilder {
    /// The handler signature of every route.
    public typealias Handler = @Sendable (Request, inout Context) throws -> Response

    struct Route {
        let method: HTTPMethod
        let path: RouterPath
        let offload: Bool
        let group: RouteGroup<Context>?
        let handler: Handler
    }

    private(set) var middlewares: [any Middleware<Context>] = []
    private(set) var routes: [Route] = []
    /// Where unexpected handler errors are logged (one line each).
    public var log: LogSink

    public init(log: LogSink = .standardError) {
        self.log = log
    }

    /// Adds middleware around every request (declaration order: first added runs first).
    public func add(middleware: some Middleware<Context>) {
        middlewares.append(middleware)
    }

    @discardableResult
    public func on(
        _ method: HTTPMethod, _ path: String, offload: Bool = false,
        handler: @escaping Handler
    ) -> Self {
        add(method, RouterPath(path), offload: offload, group: nil, handler: handler)
        return self
    }

    /// A group of routes under `prefix` with its own middleware.
    public func group(_ prefix: String) -> RouteGroup<Context> {
        RouteGroup(router: self, prefix: RouterPath.join("/", prefix), parent: nil)
    }

    func add(
        _ method: HTTPMethod, _ path: RouterPath, offload: Bool, group: RouteGroup<Context>?,
        handler: @escaping Handler
    ) {
        routes.append(
            Route(method: method, path: path, offload: offload, group: group, handler: handler))
    }

    /// Freezes the routes and middleware into an immutable, thread-safe responder.
    ///
    /// Registering the same method and template twice is a programming error.
    public func buildResponder() -> RouterResponder<Context> {
        var trie = RouteTrie()
        var endpoints: [RouterResponder<Context>.Endpoint] = []
        for route in routes {
            let inserted = trie.insert(route.path, method: route.method, endpoint: endpoints.count)
            precondition(inserted, "duplicate route \(route.method) \(route.path.template)")
            endpoints.append(
                RouterResponder<Context>.Endpoint(
                    template: route.path.template, offload: route.offload,
                    middlewares: route.group?.chain() ?? [], handler: route.handler))
        }
        return RouterResponder(
            trie: trie, endpoints: endpoints, middlewares: middlewares, log: log)
    }
}

/// Routes under a common path prefix, with middleware that applies to them only.
public final class RouteGroup<Context: RequestContext>: RouteBuilder {
    /// Unowned: the router keeps its groups (through its routes), so a strong reference back
    /// would make a cycle that never frees either. A group is used while its router lives.
    private unowned let router: Router<Context>
    private let prefix: String
    private let parent: RouteGroup<Context>?
    private var middlewares: [any Middleware<Context>] = []

    init(router: Router<Context>, prefix: String, parent: RouteGroup<Context>?) {
        self.router = router
        self.prefix = prefix
        self.parent = parent
    }

    /// Adds middleware around this group's routes (and its subgroups').
    public func add(middleware: some Middleware<Context>) {
        middlewares.append(middleware)
    }

    @discardableResult
    public func on(
        _ method: HTTPMethod, _ path: String, offload: Bool = false,
        handler: @escaping Router<Context>.Handler
    ) -> Self {
        let full = RouterPath(RouterPath.join(prefix, path))
        router.add(method, full, offload: offload, group: self, handler: handler)
        return self
    }

    /// A nested group under this one.
    public func group(_ prefix: String) -> RouteGroup<Context> {
        RouteGroup(router: router, prefix: RouterPath.join(self.prefix, prefix), parent: self)
    }

    /// The middleware of this group and its ancestors, outermost first.
    func chain() -> [any Middleware<Context>] {
        (parent?.chain() ?? []) + middlewares
    }
}
