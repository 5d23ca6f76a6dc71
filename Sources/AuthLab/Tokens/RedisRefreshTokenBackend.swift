import AuthLabCrypto
import AuthLabRedis

/// Refresh-token families in Redis: a hash per family (user, expiry, revoked) and a
/// hash per token (family, spent) under the token's SHA-256, both expiring with the
/// family. Rotation and reuse detection are one Lua script, so they are atomic:
/// two requests racing with the same token never both get a successor.
struct RedisRefreshTokenBackend: RefreshTokenBackend {
    let redis: RedisDatabase
    /// The SQLite database that holds the users.
    let users: AppDatabase
    let ttl: Int64

    typealias Outcome = RefreshTokenStore.Outcome

    private var keys: RedisKeys { redis.keys }

    func issue(userID: Int64, now: Int64, timing: inout RequestTiming) throws -> (String, Int64) {
        let username = try RedisCopiedUser.username(of: userID, db: users, timing: &timing)
        let family = Base64URL.encode(try SecureRandom.bytes(16))
        let token = Base64URL.encode(try SecureRandom.bytes(32))
        let expiresAt = now + ttl
        let arguments = [
            String(userID), username, String(now), String(expiresAt), String(ttl), family,
        ]
        _ = try redis.run(&timing) { conn in
            try conn.evaluate(
                RedisScripts.issueRefresh,
                keys: [keys.family(family), keys.refresh(RefreshTokenStore.hash(token))],
                arguments: arguments)
        }
        return (token, expiresAt)
    }

    func rotate(token: String, now: Int64, timing: inout RequestTiming) throws -> Outcome {
        let next = Base64URL.encode(try SecureRandom.bytes(32))
        let reply = try redis.run(&timing) { conn in
            try conn.evaluate(
                RedisScripts.rotateRefresh,
                keys: [
                    keys.refresh(RefreshTokenStore.hash(token)),
                    keys.refresh(RefreshTokenStore.hash(next)),
                ],
                arguments: [String(now), keys.familyPrefix])
        }
        guard let fields = reply.array, let verdict = fields.first?.string else {
            throw RedisError.unexpectedScriptReply
        }
        switch verdict {
        case "rotated":
            guard fields.count == 4, let userID = fields[1].int64,
                let username = fields[2].string, let expiresAt = fields[3].int64
            else { throw RedisError.unexpectedScriptReply }
            return .rotated(userID: userID, username: username, token: next, expiresAt: expiresAt)
        case "reused":
            return .reused
        default:
            return .invalid(fields.count > 1 ? fields[1].string ?? "invalid" : "invalid")
        }
    }

    func revokeFamily(of token: String, now: Int64, timing: inout RequestTiming) throws -> Bool {
        let reply = try redis.run(&timing) { conn in
            try conn.evaluate(
                RedisScripts.revokeRefresh, keys: [keys.refresh(RefreshTokenStore.hash(token))],
                arguments: [String(now), keys.familyPrefix])
        }
        return reply.int64 == 1
    }
}

extension RedisError {
    /// A script answered something it never answers (a bug, answered 500).
    static let unexpectedScriptReply = RedisError(
        .unexpectedReply, "a refresh-token script answered an unexpected shape")
}
