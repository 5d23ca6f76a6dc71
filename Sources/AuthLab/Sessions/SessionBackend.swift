/// One live session as `/session/sessions` lists it.
typealias SessionRow = (idHash: [UInt8], createdAt: Int64, expiresAt: Int64)

/// Where server-side sessions live: SQLite (`SQLiteSessionBackend`, the embedded
/// default) or Redis (`RedisSessionBackend`, shared by several instances).
///
/// Every implementation keys a session by the SHA-256 of its cookie value, enforces
/// the absolute and the idle lifetime, and records its work in `timing`.
protocol SessionBackend: Sendable {
    /// Absolute lifetime, in seconds.
    var ttl: Int64 { get }

    /// The cookie value and the facts of a new session.
    func create(userID: Int64, now: Int64, timing: inout RequestTiming) throws -> (
        String, SessionInfo
    )

    /// The user and session behind a cookie value, or `nil` when it is gone, expired
    /// or idle for too long.
    func lookup(id: String, now: Int64, timing: inout RequestTiming) throws -> (User, SessionInfo)?

    /// The live sessions of one user, newest first.
    func list(userID: Int64, now: Int64, timing: inout RequestTiming) throws -> [SessionRow]

    /// Ends one session now.
    func delete(idHash: [UInt8], timing: inout RequestTiming) throws

    /// Ends every session of one user now; returns how many there were.
    func deleteAll(userID: Int64, timing: inout RequestTiming) throws -> Int
}
