public import AuthLabHTTP

/// The per-request state that middleware and handlers share.
public struct AppContext: RequestContext {
    /// Who is calling, once an authenticator has said so.
    var identity: Identity?
    /// What the request spent on authentication and storage.
    var timing = RequestTiming()

    public init(request: Request) {}
}
