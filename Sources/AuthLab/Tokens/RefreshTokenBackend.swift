/// Where refresh-token families live: SQLite (`SQLiteRefreshTokenBackend`, the
/// embedded default) or Redis (`RedisRefreshTokenBackend`).
///
/// Every implementation stores tokens as SHA-256 only, and makes `rotate` atomic: two
/// requests presenting the same token never both get a successor.
protocol RefreshTokenBackend: Sendable {
    /// Lifetime of a family, in seconds, counted from the login.
    var ttl: Int64 { get }

    /// Starts a family for a fresh login; returns its first token and its expiry.
    func issue(userID: Int64, now: Int64, timing: inout RequestTiming) throws -> (String, Int64)

    /// Spends `token` and issues its successor, or detects reuse and revokes the family.
    func rotate(token: String, now: Int64, timing: inout RequestTiming) throws
        -> RefreshTokenStore.Outcome

    /// Revokes the family of `token`; `false` when the token is unknown.
    func revokeFamily(of token: String, now: Int64, timing: inout RequestTiming) throws -> Bool
}
