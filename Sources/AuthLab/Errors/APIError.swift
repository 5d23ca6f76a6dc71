import AuthLabHTTP
import Foundation

/// The errors of the HTTP contract: one constructor per `error` code of API.md.
enum APIError {
    static func invalidRequest(_ description: String) -> HTTPResponseError {
        HTTPResponseError(status: .badRequest, code: "invalid_request", description: description)
    }

    static func usernameTaken() -> HTTPResponseError {
        HTTPResponseError(
            status: .conflict, code: "username_taken",
            description: "that username is already registered")
    }

    static func invalidCredentials() -> HTTPResponseError {
        HTTPResponseError(
            status: .unauthorized, code: "invalid_credentials",
            description: "unknown username or wrong password")
    }

    /// 401 for the session side: no cookie, or a cookie whose session is gone.
    static func unauthenticated(_ description: String) -> HTTPResponseError {
        HTTPResponseError(status: .unauthorized, code: "unauthenticated", description: description)
    }

    /// 401 for the token side with no token: RFC 6750 §3 challenge without an error.
    static func bearerMissing() -> HTTPResponseError {
        var error = HTTPResponseError(
            status: .unauthorized, code: "unauthenticated",
            description: "send the access token as 'Authorization: Bearer <token>'")
        error.headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"authlab\"")
        return error
    }

    /// 401 for the token side with a token that does not verify (RFC 6750 §3.1).
    static func invalidToken(_ description: String) -> HTTPResponseError {
        var error = HTTPResponseError(
            status: .unauthorized, code: "invalid_token", description: description)
        let quoted = description.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        error.headers.add(
            name: "WWW-Authenticate",
            value:
                "Bearer realm=\"authlab\", error=\"invalid_token\", error_description=\"\(quoted)\""
        )
        return error
    }

    static func csrfFailed() -> HTTPResponseError {
        HTTPResponseError(
            status: .forbidden, code: "csrf_failed",
            description: "send the csrf_token of your login in the X-CSRF-Token header")
    }

    static func rateLimited(retryAfter: Int64) -> HTTPResponseError {
        var error = HTTPResponseError(
            status: .tooManyRequests, code: "rate_limited",
            description: "too many failed logins; try again in \(retryAfter) s")
        error.headers.add(name: "Retry-After", value: String(retryAfter))
        return error
    }
}
