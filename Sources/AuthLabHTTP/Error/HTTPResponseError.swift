/// An error that reaches the wire as `{"error": code, "error_description": description}`.
public struct HTTPResponseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: HTTPStatus
    /// Stable machine-readable code (`not_found`, `invalid_request`, ...).
    public var code: String
    /// Human text; must not contain secrets, paths or SQL.
    public var description: String
    /// Extra headers (e.g. `Allow`, `Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPHeaders

    public init(status: HTTPStatus, code: String, description: String, headers: HTTPHeaders = [:]) {
        self.status = status
        self.code = code
        self.description = description
        self.headers = headers
    }

    /// The JSON response for this error, with its headers.
    public var response: Response {
        var response = Response.json(
            ErrorBody.serialize(code: code, description: description), status: status)
        for field in headers {
            response.headers.add(field)
        }
        return response
    }

    public static let notFound = HTTPResponseError(
        status: .notFound, code: "not_found", description: "No resource at this path.")

    public static func methodNotAllowed(allow: [HTTPMethod]) -> HTTPResponseError {
        HTTPResponseError(
            status: .methodNotAllowed, code: "method_not_allowed",
            description: "This path does not accept this method.",
            headers: ["Allow": allow.map(\.rawValue).joined(separator: ", ")])
    }

    public static let payloadTooLarge = HTTPResponseError(
        status: .payloadTooLarge, code: "payload_too_large",
        description: "The request body is larger than this server accepts.")

    public static let headerTooLarge = HTTPResponseError(
        status: .requestHeaderFieldsTooLarge, code: "header_too_large",
        description: "The request header block is larger than this server accepts.")

    public static let overloaded = HTTPResponseError(
        status: .serviceUnavailable, code: "overloaded",
        description: "The server is busy; retry shortly.", headers: ["Retry-After": "1"])

    public static let internalError = HTTPResponseError(
        status: .internalServerError, code: "internal_error",
        description: "The server failed to handle this request.")

    public static func invalidRequest(_ description: String) -> HTTPResponseError {
        HTTPResponseError(status: .badRequest, code: "invalid_request", description: description)
    }
}

/// An application error that knows which `HTTPResponseError` it is on the wire.
public protocol HTTPResponseErrorConvertible: Error {
    var httpResponseError: HTTPResponseError { get }
}
