import AuthLabCrypto
import AuthLabRedis

/// Sessions in Redis, shared by every instance that points at the same server.
///
/// A session is a hash under `session:<sha256 hex of the cookie>` holding the user id,
/// the username, created_at, expires_at and last_seen_at, so a lookup is one `HMGET`:
/// one round trip. The key expires by itself at the idle or the absolute limit,
/// whichever is sooner; the clock is pushed back at most once a minute (or on every
/// request with `--session-touch`). A set per user lists the session ids for
/// `/session/sessions` and logout everywhere.
struct RedisSessionBackend: SessionBackend {
    let redis: RedisDatabase
    /// The SQLite database that holds the users.
    let users: AppDatabase
    let ttl: Int64
    let idleTTL: Int64
    let touchEveryRequest: Bool

    private var keys: RedisKeys { redis.keys }

    func create(userID: Int64, now: Int64, timing: inout RequestTiming) throws -> (
        String, SessionInfo
    ) {
        let username = try RedisCopiedUser.username(of: userID, db: users, timing: &timing)
        let id = Base64URL.encode(try SecureRandom.bytes(32))
        let info = SessionInfo(
            idHash: SessionStore.hash(id), createdAt: now, expiresAt: now + ttl)
        let arguments = [
            String(userID), username, String(now), String(info.expiresAt),
            String(min(ttl, idleTTL)), String(ttl), Hex.encode(info.idHash),
        ]
        _ = try redis.run(&timing) { conn in
            try conn.evaluate(
                RedisScripts.createSession,
                keys: [keys.session(info.idHash), keys.userSessions(userID)],
                arguments: arguments)
        }
        return (id, info)
    }

    func lookup(id: String, now: Int64, timing: inout RequestTiming) throws -> (User, SessionInfo)?
    {
        let idHash = SessionStore.hash(id)
        let key = keys.session(idHash)
        let reply = try redis.run(&timing) { conn in
            try conn.command([
                "HMGET", key, "user_id", "username", "created_at", "expires_at", "last_seen_at",
            ])
        }
        guard let fields = reply.array, fields.count == 5,
            let userID = fields[0].int64, let username = fields[1].string,
            let createdAt = fields[2].int64, let expiresAt = fields[3].int64,
            let lastSeen = fields[4].int64
        else { return nil }
        guard now < expiresAt, now - lastSeen < idleTTL else { return nil }
        if touchEveryRequest || now - lastSeen >= SessionStore.touchInterval {
            let keyTTL = String(max(1, min(expiresAt - now, idleTTL)))
            let touched = try redis.run(&timing) { conn in
                try conn.evaluate(
                    RedisScripts.touchSession, keys: [key], arguments: [String(now), keyTTL])
            }
            guard touched.int64 == 1 else { return nil }  // ended in between
        }
        let info = SessionInfo(idHash: idHash, createdAt: createdAt, expiresAt: expiresAt)
        return (User(id: userID, username: username), info)
    }

    func list(userID: Int64, now: Int64, timing: inout RequestTiming) throws -> [SessionRow] {
        let reply = try redis.run(&timing) { conn in
            try conn.evaluate(
                RedisScripts.listSessions, keys: [keys.userSessions(userID)],
                arguments: [keys.sessionPrefix])
        }
        let rows: [SessionRow] = (reply.array ?? []).compactMap { item in
            guard let fields = item.array, fields.count == 4,
                let hex = fields[0].string, let idHash = RedisKeys.bytes(hex: hex),
                let created = fields[1].int64, let expires = fields[2].int64,
                let lastSeen = fields[3].int64,
                expires > now, lastSeen > now - idleTTL
            else { return nil }
            return (idHash, created, expires)
        }
        return rows.sorted { left, right in
            left.createdAt != right.createdAt
                ? left.createdAt > right.createdAt
                : left.idHash.lexicographicallyPrecedes(right.idHash)
        }
    }

    func delete(idHash: [UInt8], timing: inout RequestTiming) throws {
        _ = try redis.run(&timing) { conn in
            try conn.evaluate(
                RedisScripts.deleteSession, keys: [keys.session(idHash)],
                arguments: [keys.userPrefix, Hex.encode(idHash)])
        }
    }

    func deleteAll(userID: Int64, timing: inout RequestTiming) throws -> Int {
        let reply = try redis.run(&timing) { conn in
            try conn.evaluate(
                RedisScripts.deleteAllSessions, keys: [keys.userSessions(userID)],
                arguments: [keys.sessionPrefix])
        }
        return Int(clamping: reply.int64 ?? 0)
    }
}
