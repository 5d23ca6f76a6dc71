public import AuthLabHTTP

extension Application {
    /// Serves until SIGINT or SIGTERM, then stops accepting, lets in-flight requests
    /// finish, and closes the database.
    public func run(onStarted: @Sendable (Int) -> Void = { _ in }) throws {
        TerminationSignals.install()
        let server = try makeServer()
        do {
            try server.start()
        } catch {
            throw ConfigError(
                "cannot listen on \(config.host):\(config.port) (is the port in use?): \(error)")
        }
        purger.start(log: log)
        log("authlab listening on http://\(config.host):\(server.port) (db \(config.databasePath))")
        onStarted(server.port)
        let signal = TerminationSignals.wait()
        log("authlab stopping on signal \(signal): finishing in-flight requests")
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
}
