/// `Server-Timing` metrics of one request (`auth;dur=1.2;desc="argon2id"`).
public struct ServerTimings: Sendable, Equatable {
    /// One named duration.
    public struct Metric: Sendable, Equatable {
        public var name: String
        public var milliseconds: Double
        public var description: String?

        public init(name: String, milliseconds: Double, description: String? = nil) {
            self.name = name
            self.milliseconds = milliseconds
            self.description = description
        }
    }

    public private(set) var metrics: [Metric] = []

    public init() {}

    /// Adds `milliseconds` to `name` (creating it), keeping the last non-nil description.
    public mutating func add(_ name: String, milliseconds: Double, description: String? = nil) {
        if let index = metrics.firstIndex(where: { $0.name == name }) {
            metrics[index].milliseconds += milliseconds
            if let description { metrics[index].description = description }
        } else {
            metrics.append(Metric(name: name, milliseconds: milliseconds, description: description))
        }
    }

    /// The header value; `required` names missing from `metrics` appear as `dur=0;desc="none"`.
    public func headerValue(required: [String] = ["auth", "db"]) -> String {
        var all = metrics
        for name in required where !all.contains(where: { $0.name == name }) {
            all.append(Metric(name: name, milliseconds: 0, description: "none"))
        }
        return all.map { metric in
            var text = metric.name + ";dur=" + ServerTimings.format(metric.milliseconds)
            if let description = metric.description {
                let clean = description.filter { $0 != "\"" && $0 != "\\" && !$0.isNewline }
                text += ";desc=\"" + clean + "\""
            }
            return text
        }.joined(separator: ", ")
    }

    /// Milliseconds with up to three decimals, no exponent.
    static func format(_ milliseconds: Double) -> String {
        guard milliseconds.isFinite, milliseconds > 0 else { return "0" }
        let micros = Int(min(milliseconds, 1e9) * 1000 + 0.5)
        let fraction = micros % 1000
        guard fraction != 0 else { return String(micros / 1000) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") {
            digits.removeLast()
        }
        return "\(micros / 1000).\(digits)"
    }
}

/// A context that collects `Server-Timing` metrics.
public protocol ServerTimingContext: RequestContext {
    var serverTimings: ServerTimings { get set }
}

/// Writes `context.serverTimings` as the `Server-Timing` header of every response.
///
/// Add it first (outermost) so it sees 404/405 and every error response too.
public struct ServerTimingMiddleware<Context: ServerTimingContext>: Middleware {
    public var required: [String]

    public init(required: [String] = ["auth", "db"]) {
        self.required = required
    }

    public func handle(
        _ request: Request, context: inout Context,
        next: (Request, inout Context) throws -> Response
    ) throws -> Response {
        var response = try next(request, &context)
        response.headers.replaceOrAdd(
            name: "Server-Timing", value: context.serverTimings.headerValue(required: required))
        return response
    }
}
