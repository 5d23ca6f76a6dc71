import AuthLabHTTP
import Synchronization

/// Lets `/metrics` read the HTTP server's counters although the routes are built
/// before the server that will serve them.
final class ServerMetricsLink: Sendable {
    private let metrics = Mutex<ServerMetrics?>(nil)

    func connect(_ server: HTTPServer) {
        metrics.withLock { $0 = server.metrics }
    }

    /// The server's exposition text, or nothing before a server is connected.
    func text() -> String {
        metrics.withLock { $0 }?.prometheusText() ?? ""
    }
}
