public import AuthLabHTTP
import Glibc

extension Application {
    /// Serves until SIGINT or SIGTERM, then stops accepting, lets in-flight requests
    /// finish, and closes the database.
    public func run(onStarted: @Sendable (Int) -> Void = { _ in }) throws {
        // Block the signals before any thread starts, so every thread inherits the
        // mask and sigwait below is the only place they arrive.
        var signals = Self.terminationSignals
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let server = try makeServer()
        try server.start()
        purger.start(log: log)
        log("authlab listening on http://\(config.host):\(server.port) (db \(config.databasePath))")
        onStarted(server.port)
        var received: Int32 = 0
        sigwait(&signals, &received)
        log("authlab stopping: finishing in-flight requests")
        server.stop()
        purger.stop()
        database.close()
        log("authlab stopped")
    }

    /// The HTTP server for this application (not started).
    public func makeServer() throws -> HTTPServer {
        var server = ServerConfiguration()
        server.host = config.host
        server.port = config.port
        server.threads = config.threads > 0 ? config.threads : Self.cores
        server.workerThreads = config.hashWorkers > 0 ? config.hashWorkers : Self.cores
        server.workerQueueLimit = config.hashQueueLimit
        server.accessLog = config.accessLog
        let httpServer = HTTPServer(configuration: server, responder: responder)
        serverMetrics.connect(httpServer)
        return httpServer
    }

    /// SIGINT and SIGTERM.
    static var terminationSignals: sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        return signals
    }
}
