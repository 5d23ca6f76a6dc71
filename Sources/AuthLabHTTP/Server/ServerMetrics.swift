import Synchronization

/// Request counters, a latency histogram and an in-flight gauge, in Prometheus text format.
///
/// Labels: `route` is the route template (or `unmatched` / `rejected`), `method` is the
/// request method (non-standard methods count as `OTHER`, so clients cannot grow the table).
public final class ServerMetrics: Sendable {
    /// Upper bounds (seconds) of the latency histogram: the Prometheus client defaults.
    public static let buckets: [Double] = [
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    /// The `Content-Type` of `prometheusText()`.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private struct CounterKey: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    private struct HistogramKey: Hashable {
        let route: String
        let method: String
    }

    private struct Histogram {
        var counts = [UInt64](repeating: 0, count: ServerMetrics.buckets.count)
        var total: UInt64 = 0
        var sum: Double = 0

        mutating func add(_ seconds: Double, bucket: Int?) {
            if let bucket { counts[bucket] &+= 1 }
            total &+= 1
            sum += seconds
        }
    }

    private struct State {
        var requests: [CounterKey: UInt64] = [:]
        var latency: [HistogramKey: Histogram] = [:]
    }

    private let state = Mutex(State())
    private let inFlight = Atomic<Int>(0)
    private let offloadRejections = Atomic<Int>(0)
    /// Reads the worker queue depth when the text is rendered.
    private let queueDepth: @Sendable () -> Int

    init(queueDepth: @escaping @Sendable () -> Int = { 0 }) {
        self.queueDepth = queueDepth
    }

    /// Requests started and not yet completed.
    public var inFlightRequests: Int { inFlight.load(ordering: .relaxed) }

    func requestStarted() {
        inFlight.add(1, ordering: .relaxed)
    }

    func requestFinished() {
        inFlight.subtract(1, ordering: .relaxed)
    }

    func offloadRejected() {
        offloadRejections.add(1, ordering: .relaxed)
    }

    /// Counts one answered request.
    public func record(route: String, method: HTTPMethod, status: Int, seconds: Double) {
        let methodLabel = method.isStandard ? method.rawValue : "OTHER"
        let bucket = ServerMetrics.buckets.firstIndex { seconds <= $0 }
        state.withLock { state in
            state.requests[
                CounterKey(route: route, method: methodLabel, status: status), default: 0] &+= 1
            let key = HistogramKey(route: route, method: methodLabel)
            state.latency[key, default: Histogram()].add(seconds, bucket: bucket)
        }
    }

    /// The number of answered requests with these labels.
    public func count(route: String, method: HTTPMethod, status: Int) -> UInt64 {
        let methodLabel = method.isStandard ? method.rawValue : "OTHER"
        return state.withLock {
            $0.requests[CounterKey(route: route, method: methodLabel, status: status)] ?? 0
        }
    }

    /// Prometheus text exposition format 0.0.4 (`Content-Type: text/plain; version=0.0.4`).
    public func prometheusText() -> String {
        let (requests, latency) = state.withLock { ($0.requests, $0.latency) }
        var out = "# HELP http_requests_total HTTP requests answered.\n"
        out += "# TYPE http_requests_total counter\n"
        for (key, value) in requests.sorted(by: { Self.order($0.key, $1.key) }) {
            out +=
                "http_requests_total{route=\"\(Self.escape(key.route))\",method=\"\(key.method)\""
            out += ",status=\"\(key.status)\"} \(value)\n"
        }
        out +=
            "# HELP http_request_duration_seconds Time from request headers to response queued.\n"
        out += "# TYPE http_request_duration_seconds histogram\n"
        for (key, histogram) in latency.sorted(by: {
            ($0.key.route, $0.key.method) < ($1.key.route, $1.key.method)
        }) {
            let labels = "route=\"\(Self.escape(key.route))\",method=\"\(key.method)\""
            var cumulative: UInt64 = 0
            for (index, bound) in ServerMetrics.buckets.enumerated() {
                cumulative &+= histogram.counts[index]
                out +=
                    "http_request_duration_seconds_bucket{\(labels),le=\"\(bound)\"} \(cumulative)\n"
            }
            out +=
                "http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(histogram.total)\n"
            out += "http_request_duration_seconds_sum{\(labels)} \(histogram.sum)\n"
            out += "http_request_duration_seconds_count{\(labels)} \(histogram.total)\n"
        }
        out += "# HELP http_requests_in_flight HTTP requests being handled.\n"
        out += "# TYPE http_requests_in_flight gauge\n"
        out += "http_requests_in_flight \(inFlightRequests)\n"
        out += "# HELP http_offload_queue_depth Offloaded requests waiting for a worker.\n"
        out += "# TYPE http_offload_queue_depth gauge\n"
        out += "http_offload_queue_depth \(queueDepth())\n"
        out +=
            "# HELP http_offload_rejected_total Requests refused with 503 because the queue was full.\n"
        out += "# TYPE http_offload_rejected_total counter\n"
        out += "http_offload_rejected_total \(offloadRejections.load(ordering: .relaxed))\n"
        return out
    }

    private static func order(_ a: CounterKey, _ b: CounterKey) -> Bool {
        (a.route, a.method, a.status) < (b.route, b.method, b.status)
    }

    /// Label value escaping: backslash, double quote and newline.
    static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A }) else {
            return value
        }
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}
