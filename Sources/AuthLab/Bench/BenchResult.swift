public import AuthLabJSON

/// One measured auth path next to the raw primitive it is built on.
public struct BenchResult: Sendable {
    /// What was measured, e.g. `jwt verify HS256`.
    public let operation: String
    /// `jwt`, `session` or `password`.
    public let group: String
    /// The measured path.
    public let timing: Timing
    /// The raw primitive measured in the same run, if the path has one.
    public let raw: (name: String, timing: Timing)?
    /// The stated target on `ratio` (reported, never asserted), e.g. 5 for "within 5x".
    public let targetRatio: Double?

    public init(
        operation: String, group: String, timing: Timing, raw: (name: String, timing: Timing)?,
        targetRatio: Double? = nil
    ) {
        self.operation = operation
        self.group = group
        self.timing = timing
        self.raw = raw
        self.targetRatio = targetRatio
    }

    /// Path cost over raw cost.
    public var ratio: Double? {
        guard let raw, raw.timing.median > 0 else { return nil }
        return timing.median / raw.timing.median
    }

    /// Whether the ratio is within the target (nil when there is no target).
    public var targetMet: Bool? {
        guard let targetRatio, let ratio else { return nil }
        return ratio <= targetRatio
    }

    /// The result as a JSON object (times in nanoseconds per operation).
    public var json: JSONValue {
        var object: JSONObject = [
            "operation": .string(operation),
            "group": .string(group),
            "ns_per_op": .double(timing.median.rounded()),
            "batch_ns_per_op": .array(timing.samples.map { .double($0.rounded()) }),
            "iterations_per_batch": .int(Int64(timing.iterationsPerBatch)),
        ]
        if let raw {
            object["raw_operation"] = .string(raw.name)
            object["raw_ns_per_op"] = .double(raw.timing.median.rounded())
        }
        if let ratio { object["ratio"] = .double((ratio * 1000).rounded() / 1000) }
        if let targetRatio { object["target_ratio"] = .double(targetRatio) }
        if let targetMet { object["target_met"] = .bool(targetMet) }
        return .object(object)
    }
}
