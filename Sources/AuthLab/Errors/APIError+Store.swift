import AuthLabHTTP

extension APIError {
    /// 503 when the shared store (Redis) cannot be reached or does not answer in time:
    /// the request fails closed, and the client may retry in a second.
    static func storeUnavailable() -> HTTPResponseError {
        var error = HTTPResponseError(
            status: .serviceUnavailable, code: "store_unavailable",
            description:
                "the session store (Redis) is unavailable: sessions, logins and refresh need it; retry shortly"
        )
        error.headers.add(name: "Retry-After", value: "1")
        return error
    }
}
