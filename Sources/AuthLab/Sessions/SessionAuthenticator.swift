import AuthLabHTTP

/// Turns the `sid` cookie into an identity, or answers 401 `unauthenticated`.
///
/// One primary-key lookup per request (joined with `users`), plus a write at most
/// once a minute to keep the idle clock honest. Each protected handler calls
/// `require` on its first line, so the route's authentication reads in one place.
struct SessionAuthenticator: Sendable {
    let sessions: SessionStore
    let metrics: AppMetrics

    /// The session's user, set as `context.identity`; 401 when there is none.
    func require(_ request: Request, _ context: inout AppContext) throws -> (User, SessionInfo) {
        context.timing.scheme = "session"
        let values = Cookies.values(named: "sid", in: request.headers)
        guard values.count == 1, let id = values.first else {
            metrics.authentication(
                scheme: "session", result: values.isEmpty ? "missing" : "ambiguous")
            throw APIError.unauthenticated(
                values.isEmpty
                    ? "no session cookie: log in with POST /session/login"
                    : "more than one sid cookie was sent")
        }
        let found = try context.timing.auth { timing in
            try sessions.lookup(id: id, now: Monotonic.unixSeconds(), timing: &timing)
        }
        guard let (user, info) = found else {
            metrics.authentication(scheme: "session", result: "unknown_session")
            throw APIError.unauthenticated(
                "no live session for this cookie (logged out, expired, idle, or never issued here)")
        }
        metrics.authentication(scheme: "session", result: "ok")
        context.identity = .session(user, info)
        return (user, info)
    }
}
