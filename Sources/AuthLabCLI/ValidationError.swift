/// A usage error: bad or missing arguments, options or environment values (exit 64).
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable machine-readable code, e.g. `unknown_option`.
    public let code: String
    /// The human message printed after `Error: `.
    public let message: String

    public init(_ message: String, code: String = "invalid_value") {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension ValidationError {
    static func unknownOption(_ token: String, suggestion: String?) -> ValidationError {
        let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
        return ValidationError("unknown option '\(token)'\(hint)", code: "unknown_option")
    }

    static func missingValue(_ label: String) -> ValidationError {
        ValidationError("missing value for '\(label)'", code: "missing_value")
    }

    static func unexpectedValue(_ name: String) -> ValidationError {
        ValidationError("'\(name)' does not take a value", code: "unexpected_value")
    }

    static func missingArgument(_ name: String) -> ValidationError {
        ValidationError("missing expected argument '<\(name)>'", code: "missing_argument")
    }

    static func unexpectedArgument(_ token: String) -> ValidationError {
        ValidationError("unexpected argument '\(token)'", code: "unexpected_argument")
    }

    static func unknownSubcommand(_ token: String, suggestion: String?) -> ValidationError {
        let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
        return ValidationError("unknown subcommand '\(token)'\(hint)", code: "unknown_subcommand")
    }
}
