/// Where the `jti` deny-list lives: SQLite (`SQLiteDenyListBackend`, the embedded
/// default) or Redis (`RedisDenyListBackend`, entries expiring by themselves).
protocol DenyListBackend: Sendable {
    /// Denies `jti` until `expiresAt` (after which the token is dead anyway).
    func deny(jti: String, expiresAt: Int64, timing: inout RequestTiming) throws

    /// Whether `jti` was denied.
    func contains(jti: String, timing: inout RequestTiming) throws -> Bool
}
