import AuthLabHTTP

/// The password check both login routes share: throttle first, then Argon2id
/// against the stored hash (or the dummy hash for unknown users), then the verdict.
struct PasswordLogin: Sendable {
    let users: UserStore
    let passwords: PasswordService
    let throttle: LoginThrottle
    let metrics: AppMetrics

    /// The user whose credentials these are, or 401/429.
    func authenticate(_ request: Request, scheme: String, timing: inout RequestTiming) throws
        -> User
    {
        let credentials = try Credentials(request)
        let now = Monotonic.unixSeconds()
        let client = request.remoteAddress
        if let wait = throttle.retryAfter(username: credentials.username, client: client, now: now)
        {
            metrics.authentication(scheme: scheme, result: "rate_limited")
            throw APIError.rateLimited(retryAfter: wait)
        }
        let found = try timing.auth { timing in
            try users.credentials(username: credentials.username, timing: &timing)
        }
        let matches = try passwords.verify(credentials.password, phc: found?.1, timing: &timing)
        guard matches, let user = found?.0 else {
            throttle.recordFailure(username: credentials.username, client: client, now: now)
            metrics.authentication(scheme: scheme, result: "invalid_credentials")
            throw APIError.invalidCredentials()
        }
        throttle.recordSuccess(username: credentials.username)
        metrics.authentication(scheme: scheme, result: "login")
        return user
    }
}
