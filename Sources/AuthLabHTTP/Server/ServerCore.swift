internal import CMicroHTTPD
import Synchronization

#if canImport(Glibc)
    internal import Glibc
#endif

/// The daemon-level state MHD callbacks reach through `cls`: limits, responder, pool, metrics.
final class ServerCore: Sendable {
    let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let metrics: ServerMetrics
    let pool: WorkerPool
    let log: LogSink
    /// Connections suspended for offloaded work and not yet resumed.
    let suspended = Atomic<Int>(0)
    /// Live `ConnectionState` objects (a leak check for tests).
    let liveStates = Atomic<Int>(0)
    /// Requests whose body has arrived and that are being handled or answered: what a
    /// graceful stop waits for (a client still sending its request is not waited for).
    let dispatched = Atomic<Int>(0)

    init(configuration: ServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
        let pool = WorkerPool(
            threads: configuration.workerThreads, queueLimit: configuration.workerQueueLimit,
            niceness: configuration.workerNiceness)
        self.pool = pool
        self.metrics = ServerMetrics(queueDepth: { pool.queueDepth })
        self.log = configuration.log
    }

    func makeState(target: String) -> ConnectionState {
        liveStates.add(1, ordering: .relaxed)
        return ConnectionState(target: target)
    }

    func completed(_ state: ConnectionState) {
        liveStates.subtract(1, ordering: .relaxed)
        if state.started { metrics.requestFinished() }
        if state.dispatched { dispatched.subtract(1, ordering: .relaxed) }
    }

    /// First call, headers only: record them and refuse early what the limits forbid.
    /// Never answers a good request here: MHD 0.9.75 would then close a keep-alive connection.
    func begin(
        _ state: ConnectionState, _ connection: OpaquePointer,
        method: UnsafePointer<CChar>?, version: UnsafePointer<CChar>?
    ) -> MHD_Result {
        state.started = true
        state.startNanos = MonotonicClock.nanoseconds()
        metrics.requestStarted()
        let methodLength = method.map { strlen($0) } ?? 0
        let versionLength = version.map { strlen($0) } ?? 0
        state.method =
            method.map { HTTPMethod(HeaderText.decode($0, count: methodLength).text) } ?? .get
        var collector = HeaderCollector()
        // Request line ("GET /x HTTP/1.1\r\n") plus the final empty line.
        collector.bytes = methodLength &+ state.target.utf8.count &+ versionLength &+ 4 &+ 2
        withUnsafeMutablePointer(to: &collector) { pointer in
            _ = MHD_get_connection_values_n(connection, .HEADER_KIND, mhdCollectHeader, pointer)
        }
        state.headers = collector.headers
        if collector.bytes > configuration.maxHeaderBytes {
            return reject(.headerTooLarge, state, connection)
        }
        if let problem = Self.framingProblem(collector, version: version, versionLength) {
            return reject(.invalidRequest(problem), state, connection)
        }
        let contentLength = state.headers["Content-Length"]
        if contentLength != nil && state.headers.contains("Transfer-Encoding") {
            return reject(
                .invalidRequest("Content-Length and Transfer-Encoding must not both be sent."),
                state, connection)
        }
        if let contentLength {
            guard let length = ServerCore.parseLength(contentLength) else {
                return reject(.invalidRequest("Content-Length is not a number."), state, connection)
            }
            guard length <= configuration.maxBodyBytes else {
                return reject(.payloadTooLarge, state, connection)
            }
            state.body.reserveCapacity(length)
        }
        return .YES
    }

    /// A body chunk: keep it, or start discarding once the limit is passed.
    ///
    /// MHD 0.9.75 refuses `MHD_queue_response` while a body is still arriving, so a chunked
    /// body that outgrows `maxBodyBytes` is read and dropped, and 413 goes out on the final
    /// call. Past `discardLimit` dropped bytes we stop reading and MHD closes the connection.
    func receive(
        _ state: ConnectionState, _ connection: OpaquePointer, _ data: UnsafePointer<CChar>?,
        count: Int
    ) -> MHD_Result {
        guard !state.answered else { return .YES }
        guard !state.overflowed, let data, count <= configuration.maxBodyBytes &- state.body.count
        else {
            state.overflowed = true
            state.body = []
            state.discarded &+= count
            return state.discarded > discardLimit ? .NO : .YES
        }
        data.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            state.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        }
        return .YES
    }

    /// Why a request's framing is refused before anything else reads it (request smuggling
    /// and header injection defences, RFC 9110 §5.5, RFC 9112 §3.2 and §6.3), or nil.
    static func framingProblem(
        _ collector: HeaderCollector, version: UnsafePointer<CChar>?, _ versionLength: Int
    ) -> String? {
        if collector.hasControlBytes { return "A header value contains NUL, CR or LF." }
        if collector.headers.values(for: "Content-Length").count > 1 {
            return "More than one Content-Length header was sent."
        }
        if collector.headers.values(for: "Host").count > 1 { return "More than one Host header." }
        let isHTTP11 =
            version.map { versionLength == 8 && strncmp($0, "HTTP/1.1", 8) == 0 } ?? false
        if isHTTP11 && !collector.headers.contains("Host") {
            return "An HTTP/1.1 request must carry a Host header."
        }
        return nil
    }

    /// Bytes of an oversized chunked body we read and drop before giving up on the connection.
    var discardLimit: Int { max(1 << 20, configuration.maxBodyBytes &* 4) }

    /// Last call: route, then answer here or hand the request to the worker pool.
    func dispatch(_ state: ConnectionState, _ connection: OpaquePointer) -> MHD_Result {
        guard !state.answered else { return .YES }
        if state.overflowed { return reject(.payloadTooLarge, state, connection) }
        state.dispatched = true
        dispatched.add(1, ordering: .relaxed)
        let (path, query) = state.pathAndQuery
        var request = Request(
            method: state.method, path: path, query: query, headers: state.headers,
            body: state.body, remoteAddress: ServerCore.clientAddress(connection))
        state.body = []
        let route = responder.resolve(&request)
        state.template = route.template
        guard route.offload else {
            return answer(responder.respond(to: request, route: route), state, connection)
        }
        guard let reservation = pool.reserve() else {
            metrics.offloadRejected()
            return reject(.overloaded, state, connection)
        }
        state.offloaded = true
        suspended.add(1, ordering: .relaxed)
        MHD_suspend_connection(connection)
        let handle = ConnectionHandle(raw: connection)
        let responder = self.responder
        let routed = request
        pool.enqueue(
            reservation,
            WorkerPool.Job(
                run: { [self] in
                    resume(handle, state, with: responder.respond(to: routed, route: route))
                },
                cancel: { [self] in
                    resume(handle, state, with: serverResponse(.overloaded))
                }))
        return .YES
    }

    /// After an offloaded request resumed: answer with what the worker left.
    func finishOffloaded(_ state: ConnectionState, _ connection: OpaquePointer) -> MHD_Result {
        guard let response = state.outcome.withLock({ $0.take() }) else { return .YES }
        state.offloaded = false
        state.answered = true
        return answer(response, state, connection)
    }

    private func resume(
        _ handle: ConnectionHandle, _ state: ConnectionState, with response: Response
    ) {
        state.outcome.withLock { $0 = response }
        MHD_resume_connection(handle.raw)
        suspended.subtract(1, ordering: .relaxed)
    }

    /// Decimal digits only, no sign, no overflow; nil otherwise.
    static func parseLength(_ text: String) -> Int? {
        var value = 0
        guard !text.isEmpty else { return nil }
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(byte - 0x30))
            guard !overflow1, !overflow2 else { return Int.max }
            value = sum
        }
        return value
    }
}

/// An MHD connection pointer that a worker may carry back to `MHD_resume_connection`.
// @unchecked Sendable: the worker uses it only for MHD_resume_connection, which MHD documents
// as callable from any thread, and the connection stays alive while it is suspended.
struct ConnectionHandle: @unchecked Sendable {
    let raw: OpaquePointer
}
