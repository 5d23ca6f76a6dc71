import AuthLabHTTP

/// `POST /users`: registration.
struct UserController: Sendable {
    let users: UserStore
    let passwords: PasswordService

    func addRoutes(to router: Router<AppContext>) {
        router.post("/users", offload: true, handler: register)
    }

    /// Validates, hashes the password (on the worker pool) and inserts the user.
    @Sendable func register(_ request: Request, _ context: inout AppContext) throws -> Response {
        let credentials = try Credentials(request)
        try credentials.validateForRegistration()
        let hash = try passwords.hash(credentials.password, timing: &context.timing)
        let now = Monotonic.unixSeconds()
        guard
            let user = try users.create(
                username: credentials.username, passwordHash: hash, now: now,
                timing: &context.timing)
        else { throw APIError.usernameTaken() }
        return .json(user.json, status: .created)
    }
}
