/// Something routes can be added to: a `Router` or one of its `RouteGroup`s.
public protocol RouteBuilder<Context>: AnyObject {
    associatedtype Context: RequestContext

    /// Adds `handler` for `method` at `path` (`/users/:id` captures `id`).
    /// With `offload: true` the whole middleware chain and handler run on the worker pool.
    @discardableResult
    func on(
        _ method: HTTPMethod, _ path: String, offload: Bool,
        handler: @escaping @Sendable (Request, inout Context) throws -> Response
    ) -> Self
}

extension RouteBuilder {
    @discardableResult
    public func get(
        _ path: String, offload: Bool = false,
        handler: @escaping @Sendable (Request, inout Context) throws -> Response
    ) -> Self {
        on(.get, path, offload: offload, handler: handler)
    }

    @discardableResult
    public func post(
        _ path: String, offload: Bool = false,
        handler: @escaping @Sendable (Request, inout Context) throws -> Response
    ) -> Self {
        on(.post, path, offload: offload, handler: handler)
    }

    @discardableResult
    public func put(
        _ path: String, offload: Bool = false,
        handler: @escaping @Sendable (Request, inout Context) throws -> Response
    ) -> Self {
        on(.put, path, offload: offload, handler: handler)
    }

    @discardableResult
    public func patch(
        _ path: String, offload: Bool = false,
        handler: @escaping @Sendable (Request, inout Context) throws -> Response
    ) -> Self {
        on(.patch, path, offload: offload, handler: handler)
    }

    @discardableResult
    public func delete(
        _ path: String, offload: Bool = false,
        handler: @escaping @Sendable (Request, inout Context) throws -> Response
    ) -> Self {
        on(.delete, path, offload: offload, handler: handler)
    }
}
