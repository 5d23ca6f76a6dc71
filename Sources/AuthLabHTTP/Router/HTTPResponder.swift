/// What the server calls for each request: first `resolve`, then `respond` (maybe on a worker).
public protocol HTTPResponder: Sendable {
    /// Finds the route (cheap, on the serving thread); may fill `parameters`/`routeTemplate`.
    func resolve(_ request: inout Request) -> ResolvedRoute

    /// Produces the response; never throws (errors are already responses).
    func respond(to request: Request, route: ResolvedRoute) -> Response
}

/// The outcome of route resolution: which endpoint, its template, and whether to offload it.
public struct ResolvedRoute: Sendable, Equatable {
    /// How the path and method matched.
    public enum Match: Sendable, Equatable {
        case endpoint(Int)
        case notFound
        /// The path exists with other methods; `sibling` is one of its endpoints, whose group
        /// middleware (e.g. CORS answering a preflight) still wraps the 405.
        case methodNotAllowed(allow: [HTTPMethod], sibling: Int)
    }

    public var match: Match
    /// The route template (`/users/:id`) used as the metrics label, or `unmatched`.
    public var template: String
    /// Run on the worker pool with the connection suspended.
    public var offload: Bool

    public init(match: Match, template: String, offload: Bool) {
        self.match = match
        self.template = template
        self.offload = offload
    }
}
