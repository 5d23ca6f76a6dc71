/// Per-request state that middleware and handlers pass along `inout`.
public protocol RequestContext: Sendable {
    init(request: Request)
}

/// A context with nothing in it, for routers that need no per-request state.
public struct BasicRequestContext: RequestContext {
    public init(request: Request) {}
}
