/// An HTTP response: status, headers and a byte body.
public struct Response: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body (already serialized) with `Content-Type: application/json`.
    public static func json(_ bytes: [UInt8], status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "application/json"], body: bytes)
    }

    /// A UTF-8 plain text body.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> Response {
        Response(
            status: status, headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: Array(text.utf8))
    }

    /// A UTF-8 HTML body.
    public static func html(_ html: String, status: HTTPStatus = .ok) -> Response {
        Response(
            status: status, headers: ["Content-Type": "text/html; charset=utf-8"],
            body: Array(html.utf8))
    }

    /// 204 with no body.
    public static func noContent(headers: HTTPHeaders = [:]) -> Response {
        Response(status: .noContent, headers: headers)
    }

    /// Appends a `Set-Cookie` header.
    public mutating func setCookie(_ cookie: SetCookie) {
        headers.add(name: "Set-Cookie", value: cookie.headerValue)
    }
}
