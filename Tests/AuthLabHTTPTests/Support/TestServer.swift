import AuthLabHTTP
import Synchronization

/// Captures log lines in memory so tests can assert on them.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var sink: LogSink {
        LogSink { [self] line in lines.withLock { $0.append(line) } }
    }

    var all: [String] { lines.withLock { $0 } }
}

/// Starts a server on 127.0.0.1, port 0, with the access log off unless asked.
func startServer<Context>(
    _ router: Router<Context>, configure: (inout ServerConfiguration) -> Void = { _ in }
) throws -> HTTPServer {
    var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
    configuration.threads = 2
    configuration.accessLog = false
    configuration.log = .discard
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, router: router)
    try server.start()
    return server
}

/// A `Sendable` flag tests use to block handlers until released.
final class Gate: Sendable {
    private let open = Atomic<Bool>(false)
    private let entered = Atomic<Int>(0)

    /// Called by a handler: counts itself in, then waits (bounded) until `release()`.
    func pass(timeoutMilliseconds: Int = 5000) {
        entered.add(1, ordering: .relaxed)
        var waited = 0
        while !open.load(ordering: .acquiring) && waited < timeoutMilliseconds {
            sleepMilliseconds(1)
            waited += 1
        }
    }

    func release() {
        open.store(true, ordering: .releasing)
    }

    var enteredCount: Int { entered.load(ordering: .relaxed) }

    /// Waits (bounded) until `count` handlers are inside.
    func waitForEntered(_ count: Int, timeoutMilliseconds: Int = 5000) {
        var waited = 0
        while enteredCount < count && waited < timeoutMilliseconds {
            sleepMilliseconds(1)
            waited += 1
        }
    }
}
