import AuthLabCrypto
public import AuthLabHTTP
import AuthLabJOSE
import AuthLabJSON
import AuthLabSQLite
import Foundation

/// The authlab server: storage, both authentication schemes and the HTTP routes,
/// wired together from one `AppConfig`.
public final class Application: Sendable {
    public let config: AppConfig
    let database: Database
    let keyRing: KeyRing
    let metrics: AppMetrics
    let purger: Purger
    let serverMetrics = ServerMetricsLink()
    /// The routes, ready for in-process tests or a server.
    public let responder: RouterResponder<AppContext>
    let log: @Sendable (String) -> Void

    /// Opens and migrates the database, loads or creates the signing keys and
    /// builds the routes. Throws with a clear message on any configuration problem.
    public init(
        config: AppConfig, log: @escaping @Sendable (String) -> Void = Application.stderrLog
    )
        throws
    {
        try config.validate()
        self.config = config
        self.log = log
        let database: Database
        do {
            database = try Database(path: config.databasePath, readers: max(2, Self.cores))
            try Migrator.migrate(database, Migrations.all)
        } catch {
            throw ConfigError("cannot use the database '\(config.databasePath)': \(error)")
        }
        self.database = database
        self.keyRing = try KeyStore.load(config: config, database: database)
        let metrics = AppMetrics()
        self.metrics = metrics
        self.purger = Purger(database: database, interval: config.purgeInterval)
        self.responder = try Self.buildRouter(
            config: config, database: database, keyRing: keyRing, metrics: metrics,
            serverMetrics: serverMetrics
        ).buildResponder()
    }

    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Prints one line on standard error.
    public static let stderrLog: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
