import AuthLabRedis

/// The Lua scripts behind the Redis backends. Redis runs each one atomically, in one
/// round trip: no other command runs between its reads and its writes.
///
/// Scripts that touch keys they build from a prefix (listing, logout of all sessions,
/// rotation) suit a single Redis (or a primary with replicas), not Redis Cluster.
enum RedisScripts {
    /// KEYS: session, user's set. ARGV: user_id, username, created_at, expires_at,
    /// session key TTL, set TTL, hex id.
    static let createSession = RedisScript(
        """
        redis.call('HSET', KEYS[1], 'user_id', ARGV[1], 'username', ARGV[2],
          'created_at', ARGV[3], 'expires_at', ARGV[4], 'last_seen_at', ARGV[3])
        redis.call('EXPIRE', KEYS[1], ARGV[5])
        redis.call('SADD', KEYS[2], ARGV[7])
        if redis.call('TTL', KEYS[2]) < tonumber(ARGV[6]) then
          redis.call('EXPIRE', KEYS[2], ARGV[6])
        end
        return 1
        """)

    /// KEYS: session. ARGV: now, new TTL. Refreshes the idle clock of a live session.
    static let touchSession = RedisScript(
        """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], 'last_seen_at', ARGV[1])
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        return 1
        """)

    /// KEYS: user's set. ARGV: session key prefix. Answers {hex, created_at,
    /// expires_at, last_seen_at} per live session and forgets the expired ones.
    static let listSessions = RedisScript(
        """
        local out = {}
        for _, hex in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          local v = redis.call('HMGET', ARGV[1] .. hex, 'created_at', 'expires_at', 'last_seen_at')
          if v[1] then
            out[#out + 1] = {hex, v[1], v[2], v[3]}
          else
            redis.call('SREM', KEYS[1], hex)
          end
        end
        return out
        """)

    /// KEYS: session. ARGV: user key prefix, hex id. Deletes it and its set entry.
    static let deleteSession = RedisScript(
        """
        local uid = redis.call('HGET', KEYS[1], 'user_id')
        local n = redis.call('DEL', KEYS[1])
        if uid then redis.call('SREM', ARGV[1] .. uid .. ':sessions', ARGV[2]) end
        return n
        """)

    /// KEYS: user's set. ARGV: session key prefix. Deletes every session of the user.
    static let deleteAllSessions = RedisScript(
        """
        local n = 0
        for _, hex in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          n = n + redis.call('DEL', ARGV[1] .. hex)
        end
        redis.call('DEL', KEYS[1])
        return n
        """)

    /// KEYS: family, first token. ARGV: user_id, username, created_at, expires_at, TTL,
    /// family id.
    static let issueRefresh = RedisScript(
        """
        redis.call('HSET', KEYS[1], 'user_id', ARGV[1], 'username', ARGV[2],
          'created_at', ARGV[3], 'expires_at', ARGV[4], 'revoked', '0')
        redis.call('EXPIRE', KEYS[1], ARGV[5])
        redis.call('HSET', KEYS[2], 'family', ARGV[6], 'spent', '0')
        redis.call('EXPIRE', KEYS[2], ARGV[5])
        return 1
        """)

    /// KEYS: presented token, successor. ARGV: now, family key prefix. The same
    /// checks, in the same order, as the SQLite transaction: unknown, revoked,
    /// already spent (reuse: revoke the family), expired; then spend and add the next.
    static let rotateRefresh = RedisScript(
        """
        local t = redis.call('HMGET', KEYS[1], 'family', 'spent')
        if not t[1] then return {'invalid', 'unknown refresh token'} end
        local fkey = ARGV[2] .. t[1]
        local f = redis.call('HMGET', fkey, 'user_id', 'username', 'expires_at', 'revoked')
        if not f[1] then return {'invalid', 'unknown refresh token'} end
        if f[4] ~= '0' then return {'invalid', 'refresh token family was revoked'} end
        if t[2] ~= '0' then
          redis.call('HSET', fkey, 'revoked', ARGV[1])
          return {'reused'}
        end
        local left = tonumber(f[3]) - tonumber(ARGV[1])
        if left <= 0 then return {'invalid', 'refresh token expired'} end
        redis.call('HSET', KEYS[1], 'spent', ARGV[1])
        redis.call('HSET', KEYS[2], 'family', t[1], 'spent', '0')
        redis.call('EXPIRE', KEYS[2], left)
        return {'rotated', f[1], f[2], f[3]}
        """)

    /// KEYS: token. ARGV: now, family key prefix. 1 when the token was known.
    static let revokeRefresh = RedisScript(
        """
        local fam = redis.call('HGET', KEYS[1], 'family')
        if not fam then return 0 end
        local fkey = ARGV[2] .. fam
        if redis.call('HGET', fkey, 'revoked') == '0' then
          redis.call('HSET', fkey, 'revoked', ARGV[1])
        end
        return 1
        """)
}
