/// Access-token ids (`jti`) revoked before their `exp`: the state that a stateless
/// token needs as soon as logout must take effect at once.
struct DenyList: Sendable {
    let backend: any DenyListBackend

    init(backend: any DenyListBackend) {
        self.backend = backend
    }

    /// A deny-list in the SQLite database of `db`.
    init(db: AppDatabase) {
        self.init(backend: SQLiteDenyListBackend(db: db))
    }

    /// Denies `jti` until `expiresAt` (after which the token is dead anyway).
    func deny(jti: String, expiresAt: Int64, timing: inout RequestTiming) throws {
        try backend.deny(jti: jti, expiresAt: expiresAt, timing: &timing)
    }

    /// Whether `jti` was denied.
    func contains(jti: String, timing: inout RequestTiming) throws -> Bool {
        try backend.contains(jti: jti, timing: &timing)
    }
}
