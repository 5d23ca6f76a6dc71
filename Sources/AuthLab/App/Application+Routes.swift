import AuthLabCrypto
import AuthLabHTTP
import AuthLabJOSE
import AuthLabJSON
import AuthLabSQLite

extension Application {
    /// Every route of the contract, behind CORS and Server-Timing (in that order).
    static func buildRouter(
        config: AppConfig, database: Database, keyRing: KeyRing, metrics: AppMetrics,
        serverMetrics: ServerMetricsLink
    ) throws -> Router<AppContext> {
        let db = AppDatabase(database: database, metrics: metrics)
        let users = UserStore(db: db)
        let passwords = try PasswordService(
            parameters: Argon2Parameters(
                memoryKiB: config.argon2MemoryKiB, iterations: config.argon2Iterations,
                parallelism: config.argon2Parallelism),
            metrics: metrics)
        let throttle = LoginThrottle(
            usernameLimit: config.throttleUsernameLimit, clientLimit: config.throttleClientLimit,
            window: config.throttleWindow)
        let login = PasswordLogin(
            users: users, passwords: passwords, throttle: throttle, metrics: metrics)
        let stores = try StateStores(config: config, db: db, metrics: metrics)
        let sessions = stores.sessions
        let tokens = TokenService(keyRing: keyRing, config: config)
        let denyList = config.jwtDenylist ? stores.denyList : nil
        let bearer = BearerAuthenticator(tokens: tokens, denyList: denyList, metrics: metrics)

        let router = Router<AppContext>()
        router.add(middleware: ServerTimingMiddleware())
        router.add(middleware: CORSMiddleware(allowedOrigins: Set(config.allowedOrigins)))
        PublicController(
            metrics: metrics, serverMetrics: serverMetrics,
            publicJWKS: JSONWriter.serialize(keyRing.publicJWKSet())
        ).addRoutes(to: router)
        InspectController(tokens: tokens).addRoutes(to: router)
        UserController(users: users, passwords: passwords).addRoutes(to: router)
        SessionController(
            login: login, sessions: sessions,
            authenticator: SessionAuthenticator(sessions: sessions, metrics: metrics),
            csrf: CSRF(secret: try serverSecret("csrf", database: database)),
            secureCookies: config.secureCookies
        ).addRoutes(to: router)
        JWTController(
            login: login, tokens: tokens,
            refreshTokens: stores.refreshTokens,
            denyList: denyList, authenticator: bearer
        ).addRoutes(to: router)
        return router
    }

    /// A 32-byte secret kept in the database, created on first use.
    static func serverSecret(_ name: String, database: Database) throws -> [UInt8] {
        try database.write { conn in
            if let row = try conn.queryOne(
                "SELECT value FROM server_secrets WHERE name = ?", [.text(name)]),
                let value = row.blob(0), value.count == 32
            {
                return value
            }
            let value = try SecureRandom.bytes(32)
            try conn.execute(
                "INSERT OR REPLACE INTO server_secrets (name, value) VALUES (?, ?)",
                [.text(name), .blob(value)])
            return value
        }
    }
}
