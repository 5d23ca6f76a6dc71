internal import CMicroHTTPD
import Synchronization

#if canImport(Glibc)
    internal import Glibc
#endif

/// An HTTP/1.1 server: libmicrohttpd in epoll mode with an internal thread pool.
///
/// `start()` binds (port 0 picks a free port; read `port` afterwards). `stop()` stops
/// accepting, waits up to `shutdownTimeout` for requests already received (offloaded ones included),
/// then closes everything; it is idempotent and also runs on deinit.
///
/// Per request, MHD calls us first with the headers only: we record them and refuse early
/// (431 for a header block over `maxHeaderBytes`, 413 for a `Content-Length` over
/// `maxBodyBytes`, 400 for `Content-Length` together with `Transfer-Encoding`). MHD 0.9.75
/// itself would accept that last pair, let chunked win and ignore `Content-Length`; we refuse
/// it because proxies may disagree (request smuggling). An answer queued on that first call
/// makes MHD close the connection, so an unread body is never parsed as a next request. Good
/// requests are answered on a later call (MHD would otherwise send `Connection: close`), so
/// keep-alive survives. Chunked bodies that outgrow the limit are read and dropped, then
/// answered 413 (MHD refuses to queue a response mid-body); past 1 MiB (or 4 × the limit)
/// of dropped bytes the connection is closed without an answer.
public final class HTTPServer: Sendable {
    private enum Phase {
        case idle
        case running(DaemonHandle)
        case stopped
    }

    public let configuration: ServerConfiguration
    private let core: ServerCore
    private let phase = Mutex(Phase.idle)
    private let boundPort = Atomic<Int>(0)
    /// Held for the whole of `stop()`, so a second caller waits for the first to finish.
    private let stopping = Mutex(false)

    public init(configuration: ServerConfiguration, responder: some HTTPResponder) {
        self.configuration = configuration
        self.core = ServerCore(configuration: configuration, responder: responder)
    }

    public convenience init<Context>(configuration: ServerConfiguration, router: Router<Context>) {
        self.init(configuration: configuration, responder: router.buildResponder())
    }

    deinit {
        stop()
    }

    /// The port actually bound (0 before `start()`).
    public var port: Int { boundPort.load(ordering: .acquiring) }

    /// Request counters, latency histogram and in-flight gauge of this server.
    public var metrics: ServerMetrics { core.metrics }

    /// Live per-request state objects; 0 once every request is completed (for leak tests).
    var liveRequestStates: Int { core.liveStates.load(ordering: .relaxed) }

    /// Binds and starts serving.
    public func start() throws(HTTPServerError) {
        try phase.withLock { phase throws(HTTPServerError) in
            guard case .idle = phase else { throw .alreadyStarted }
            guard let address = SocketAddress(host: configuration.host, port: configuration.port)
            else { throw .invalidHost }
            guard core.pool.start() else {
                core.pool.shutdown()
                throw .workerPoolFailed
            }
            guard let daemon = startDaemon(address) else {
                core.pool.shutdown()
                throw .startFailed
            }
            boundPort.store(Int(CMicroHTTPD_bind_port(daemon)), ordering: .releasing)
            phase = .running(DaemonHandle(raw: daemon))
        }
    }

    private func startDaemon(_ address: SocketAddress) -> OpaquePointer? {
        let cls = Unmanaged.passUnretained(core).toOpaque()
        var flags =
            MHD_USE_EPOLL_INTERNAL_THREAD.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
            | MHD_USE_ERROR_LOG.rawValue
        if address.isIPv6 { flags |= MHD_USE_IPv6.rawValue }
        let memory = max(
            configuration.connectionMemoryLimit, min(configuration.maxHeaderBytes, 1 << 24) * 2)
        return address.withSockaddr { sockaddr in
            var options: [MHD_OptionItem] = [
                CMicroHTTPD_logger_option(mhdLog, cls),
                MHD_OptionItem(option: .SOCK_ADDR, value: 0, ptr_value: sockaddr),
                MHD_OptionItem(
                    option: .CONNECTION_MEMORY_LIMIT, value: memory, ptr_value: nil),
                MHD_OptionItem(
                    option: .CONNECTION_LIMIT, value: max(1, configuration.connectionLimit),
                    ptr_value: nil),
                MHD_OptionItem(
                    option: .PER_IP_CONNECTION_LIMIT,
                    value: max(0, configuration.perClientLimit), ptr_value: nil),
                MHD_OptionItem(
                    option: .CONNECTION_TIMEOUT,
                    value: max(0, configuration.connectionTimeout), ptr_value: nil),
                CMicroHTTPD_completed_option(mhdRequestCompleted, cls),
                CMicroHTTPD_uri_log_option(mhdURILog, cls),
                CMicroHTTPD_unescape_option(mhdKeepRaw, cls),
            ]
            if configuration.threads > 1 {
                options.append(
                    MHD_OptionItem(
                        option: .THREAD_POOL_SIZE, value: configuration.threads,
                        ptr_value: nil))
            }
            options.append(MHD_OptionItem(option: .END, value: 0, ptr_value: nil))
            return options.withUnsafeMutableBufferPointer { buffer in
                CMicroHTTPD_start_daemon(flags, 0, mhdAccessHandler, cls, buffer.baseAddress)
            }
        }
    }

    /// Graceful stop: quiesce, wait for in-flight requests (bounded), then stop MHD.
    ///
    /// Queued offloaded jobs that have not started by the deadline are answered 503; running
    /// ones are always waited for, because MHD must not stop with a suspended connection.
    public func stop() {
        stopping.withLock { _ in
            let daemon: DaemonHandle? = phase.withLock { phase in
                guard case .running(let daemon) = phase else {
                    phase = .stopped
                    return nil
                }
                phase = .stopped
                return daemon
            }
            guard let daemon else { return }
            let listener = MHD_quiesce_daemon(daemon.raw)
            let deadline = MonotonicClock.nanoseconds() &+ Self.nanos(configuration.shutdownTimeout)
            while core.dispatched.load(ordering: .acquiring) > 0
                && MonotonicClock.nanoseconds() < deadline
            {
                usleep(2000)
            }
            core.pool.shutdown()
            while core.suspended.load(ordering: .acquiring) > 0 {
                usleep(1000)
            }
            MHD_stop_daemon(daemon.raw)
            if listener >= 0 { close(listener) }
        }
    }

    private static func nanos(_ seconds: Double) -> UInt64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return UInt64(min(seconds, 86_400) * 1e9)
    }
}

/// The `MHD_Daemon*`, owned by one `HTTPServer`.
// @unchecked Sendable: only HTTPServer touches it, under its `phase` and `stopping` locks.
struct DaemonHandle: @unchecked Sendable {
    let raw: OpaquePointer
}
