/// Where an option's value came from.
public enum ValueSource: Sendable, Equatable {
    case commandLine
    case environment(String)
    case defaultValue
}

/// The options, flags and positional arguments of one command, after precedence.
public struct ParsedArguments: Sendable {
    struct Resolved: Sendable {
        var values: [String]
        var source: ValueSource
    }

    let specs: [String: OptionSpec]
    let options: [String: Resolved]
    let flags: [String: Resolved]
    let positionals: [String: [String]]

    /// The source of an option's or flag's value, or `nil` when it has none.
    public func source(of long: String) -> ValueSource? {
        (options[long] ?? flags[long])?.source
    }

    /// The option's value (the last one given, for a repeated option), or `nil`.
    public func string(_ long: String) -> String? {
        requireSpec(long)
        return options[long]?.values.last
    }

    /// Every value of a repeatable option, in order.
    public func strings(_ long: String) -> [String] {
        requireSpec(long)
        return options[long]?.values ?? []
    }

    /// Whether the flag is on (command line, else its environment variable).
    public func flag(_ long: String) -> Bool {
        requireSpec(long)
        return flags[long]?.values.first == "true"
    }

    /// The value of a positional argument, or `nil` when absent.
    public func argument(_ name: String) -> String? {
        positionals[name]?.first
    }

    /// Every value of a repeating positional argument.
    public func arguments(_ name: String) -> [String] {
        positionals[name] ?? []
    }

    /// The option's value converted by `parse`; a bad value is a usage error that
    /// names where the value came from (the option or its environment variable).
    public func value<T>(_ long: String, expected: String, _ parse: (String) -> T?)
        throws(ValidationError) -> T?
    {
        guard let text = string(long) else { return nil }
        if let value = parse(text) { return value }
        throw invalid(long, text, expected: expected)
    }

    /// An integer option, optionally limited to `range`.
    public func int(_ long: String, in range: ClosedRange<Int>? = nil) throws(ValidationError)
        -> Int?
    {
        let expected =
            range.map { "an integer from \($0.lowerBound) to \($0.upperBound)" } ?? "an integer"
        return try value(long, expected: expected) { ValueParser.int($0, in: range) }
    }

    /// A duration option in seconds (`900`, `30s`, `15m`, `1h`, `1h30m`, `7d`).
    public func seconds(_ long: String) throws(ValidationError) -> Int64? {
        try value(long, expected: "a duration such as 900, 30s, 15m, 1h or 7d") {
            ValueParser.seconds($0)
        }
    }

    private func invalid(_ long: String, _ text: String, expected: String) -> ValidationError {
        let label = specs[long]?.label ?? "--\(long)"
        switch options[long]?.source {
        case .environment(let name):
            return ValidationError(
                "invalid value '\(text)' in \(name) (for '\(label)'): expected \(expected)")
        case .defaultValue:
            return ValidationError(
                "invalid default value '\(text)' for '\(label)': expected \(expected)")
        default:
            return ValidationError("invalid value '\(text)' for '\(label)': expected \(expected)")
        }
    }

    private func requireSpec(_ long: String) {
        precondition(specs[long] != nil, "no option --\(long) is declared")
    }
}
