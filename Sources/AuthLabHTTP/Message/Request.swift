/// An HTTP request as the router and handlers see it, with the body fully collected.
public struct Request: Sendable {
    public var method: HTTPMethod
    /// The raw request path, without the query and not percent-decoded.
    public var path: String
    /// The raw query string after `?`, if the target had one.
    public var query: String?
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The client's IP address as text (`127.0.0.1`, `::1`), or empty when unknown.
    public var remoteAddress: String
    /// Path parameters captured by the matched route (`/users/:id` gives `id`), raw.
    public var parameters: [String: String]
    /// The route template that matched (`/users/:id`), or nil when no route matched.
    public var routeTemplate: String?

    public init(
        method: HTTPMethod, path: String, query: String? = nil, headers: HTTPHeaders = [:],
        body: [UInt8] = [], remoteAddress: String = "", parameters: [String: String] = [:]
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.parameters = parameters
        self.routeTemplate = nil
    }

    /// Builds a request from a raw request target (`/path?query`).
    public init(method: HTTPMethod, target: String, headers: HTTPHeaders = [:], body: [UInt8] = [])
    {
        let (path, query) = Request.split(target: target)
        self.init(method: method, path: path, query: query, headers: headers, body: body)
    }

    /// The cookies of every `Cookie` header, parsed now, in the order sent.
    public var cookies: Cookies {
        Cookies(headers: headers)
    }

    static func split(target: String) -> (path: String, query: String?) {
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else {
            return (target, nil)
        }
        let path = String(target[..<mark])
        let query = String(target[target.utf8.index(after: mark)...])
        return (path, query)
    }
}
