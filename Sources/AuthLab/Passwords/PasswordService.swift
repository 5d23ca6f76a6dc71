import AuthLabCrypto

/// Argon2id password hashing in PHC format, timed into the request.
///
/// Runs only on offloaded routes (the HTTP layer's worker pool), never on a
/// serving thread. Unknown users are checked against a dummy hash of the same cost,
/// so that "no such user" and "wrong password" take about the same time.
struct PasswordService: Sendable {
    let parameters: Argon2Parameters
    let metrics: AppMetrics
    /// A hash of a random password, computed at start-up with the same parameters.
    let dummyHash: String

    init(parameters: Argon2Parameters, metrics: AppMetrics) throws {
        self.parameters = parameters
        self.metrics = metrics
        self.dummyHash = try Argon2id.hash(
            password: try SecureRandom.bytes(16), parameters: parameters)
    }

    /// The PHC string of a new password.
    func hash(_ password: String, timing: inout RequestTiming) throws -> String {
        try measure(&timing, purpose: "register") {
            try Argon2id.hash(password: Array(password.utf8), parameters: parameters)
        }
    }

    /// Whether `password` matches `phc`; with `phc == nil` (unknown user) checks the
    /// dummy hash and answers `false`.
    func verify(_ password: String, phc: String?, timing: inout RequestTiming) throws -> Bool {
        try measure(&timing, purpose: phc == nil ? "dummy" : "login") {
            let matches = try Argon2id.verify(password: Array(password.utf8), phc: phc ?? dummyHash)
            return phc != nil && matches
        }
    }

    private func measure<T>(_ timing: inout RequestTiming, purpose: String, _ body: () throws -> T)
        rethrows -> T
    {
        let start = Monotonic.now()
        defer {
            let spent = Monotonic.now() &- start
            timing.hashNanos &+= spent
            timing.authNanos &+= spent
            timing.hashed = true
            metrics.passwordHash(purpose: purpose)
        }
        return try body()
    }
}
