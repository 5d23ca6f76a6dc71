import AuthLabRedis

/// The `jti` deny-list in Redis: one key per denied token, `SET ... EX`, gone by
/// itself once the token could no longer pass verification (its `exp` plus the
/// leeway), so nothing has to purge it.
struct RedisDenyListBackend: DenyListBackend {
    let redis: RedisDatabase
    /// Seconds a token is still accepted after its `exp` (the verifier's leeway).
    let leeway: Int64

    func deny(jti: String, expiresAt: Int64, timing: inout RequestTiming) throws {
        let seconds = max(1, expiresAt + leeway - Monotonic.unixSeconds())
        _ = try redis.run(&timing) { conn in
            try conn.command(["SET", redis.keys.denied(jti), "1", "EX", String(seconds)])
        }
    }

    func contains(jti: String, timing: inout RequestTiming) throws -> Bool {
        let reply = try redis.run(&timing) { conn in
            try conn.command(["EXISTS", redis.keys.denied(jti)])
        }
        return reply.int64 == 1
    }
}
