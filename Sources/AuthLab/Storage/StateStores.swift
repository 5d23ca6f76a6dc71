import AuthLabRedis

/// The three stores of server-side state (sessions, refresh-token families, the
/// `jti` deny-list), all in SQLite or all in Redis as `--session-store` says. Users
/// stay in SQLite either way.
struct StateStores: Sendable {
    let sessions: SessionStore
    let refreshTokens: RefreshTokenStore
    let denyList: DenyList

    init(config: AppConfig, db: AppDatabase, metrics: AppMetrics) throws {
        guard let endpoint = try config.redisEndpoint() else {
            sessions = SessionStore(
                db: db, ttl: config.sessionTTL, idleTTL: config.sessionIdleTTL,
                touchEveryRequest: config.sessionTouchEveryRequest)
            refreshTokens = RefreshTokenStore(db: db, ttl: config.refreshTTL)
            denyList = DenyList(db: db)
            return
        }
        let cores = Application.cores
        let threads =
            (config.threads > 0 ? config.threads : cores)
            + (config.hashWorkers > 0 ? config.hashWorkers : cores)
        let pool = RedisPool(
            endpoint: endpoint, connectTimeout: config.redisConnectTimeout,
            commandTimeout: config.redisCommandTimeout, idleCapacity: threads)
        let quiet: @Sendable (String) -> Void = { _ in }
        let log = config.accessLog ? Application.stderrLog : quiet
        let redis = RedisDatabase(
            pool: pool, keys: RedisKeys(prefix: config.redisKeyPrefix), metrics: metrics, log: log)
        do {
            _ = try pool.withConnection { conn in try conn.command(["PING"]) }
        } catch {
            log(
                "session store \(endpoint) not reachable yet: session routes answer 503 until it is"
            )
        }
        sessions = SessionStore(
            backend: RedisSessionBackend(
                redis: redis, users: db, ttl: config.sessionTTL, idleTTL: config.sessionIdleTTL,
                touchEveryRequest: config.sessionTouchEveryRequest))
        refreshTokens = RefreshTokenStore(
            backend: RedisRefreshTokenBackend(redis: redis, users: db, ttl: config.refreshTTL))
        denyList = DenyList(backend: RedisDenyListBackend(redis: redis, leeway: config.leeway))
    }
}
