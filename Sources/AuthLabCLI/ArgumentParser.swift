/// Parses one command's tokens into `ParsedArguments`.
///
/// Accepted forms: `--name value`, `--name=value`, `-n value`, `-nvalue`,
/// clustered short flags (`-vq`), flags, positionals, and `--`, after which
/// every token is positional. `-h`/`--help` anywhere before `--` asks for help;
/// `--version` does on the root when it has a version. A value may start with
/// `-` (`--leeway -5`) unless it looks like an option of this command.
struct ArgumentParser {
    enum Outcome {
        case parsed(ParsedArguments)
        case help
        case version
    }

    let configuration: CommandConfiguration
    let environment: [String: String]
    let isRoot: Bool

    private var given: [String: [String]] = [:]
    private var flagsGiven: Set<String> = []
    private var positionals: [String] = []

    init(configuration: CommandConfiguration, environment: [String: String], isRoot: Bool) {
        self.configuration = configuration
        self.environment = environment
        self.isRoot = isRoot
    }

    mutating func parse(_ tokens: [String]) throws(ValidationError) -> Outcome {
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if token == "--" {
                positionals.append(contentsOf: tokens[index...])
                break
            }
            if token == "-h" || token == "--help" { return .help }
            if token == "--version" && isRoot && configuration.version != nil { return .version }
            if token.hasPrefix("--") {
                try parseLong(token, tokens, &index)
            } else if token.hasPrefix("-") && token.count > 1 && !isNegativeNumber(token) {
                try parseShort(token, tokens, &index)
            } else {
                positionals.append(token)
            }
        }
        return .parsed(try resolve())
    }

    private mutating func parseLong(_ token: String, _ tokens: [String], _ index: inout Int)
        throws(ValidationError)
    {
        let body = token.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
        guard let spec = configuration.option(long: name) else {
            throw .unknownOption("--\(name)", suggestion: suggestion(for: name))
        }
        if spec.isFlag {
            guard inline == nil else { throw .unexpectedValue("--\(name)") }
            flagsGiven.insert(spec.long)
        } else if let inline {
            given[spec.long, default: []].append(inline)
        } else {
            given[spec.long, default: []].append(try takeValue(for: spec, tokens, &index))
        }
    }

    private mutating func parseShort(_ token: String, _ tokens: [String], _ index: inout Int)
        throws(ValidationError)
    {
        let letters = Array(token.dropFirst())
        for (offset, letter) in letters.enumerated() {
            guard let spec = configuration.option(short: letter) else {
                throw .unknownOption("-\(letter)", suggestion: nil)
            }
            if spec.isFlag {
                flagsGiven.insert(spec.long)
                continue
            }
            let attached = String(letters[(offset + 1)...])
            let value = attached.isEmpty ? try takeValue(for: spec, tokens, &index) : attached
            given[spec.long, default: []].append(value)
            return
        }
    }

    private func takeValue(for spec: OptionSpec, _ tokens: [String], _ index: inout Int)
        throws(ValidationError) -> String
    {
        guard index < tokens.count, !looksLikeOption(tokens[index]) else {
            throw .missingValue(spec.label)
        }
        index += 1
        return tokens[index - 1]
    }

    private func looksLikeOption(_ token: String) -> Bool {
        if token == "--" || token == "-h" || (token.hasPrefix("--") && token.count > 2) {
            return true
        }
        guard token.hasPrefix("-"), let letter = token.dropFirst().first else { return false }
        return configuration.option(short: letter) != nil
    }

    private func isNegativeNumber(_ token: String) -> Bool {
        let digits = token.dropFirst()
        let isNumber = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
        guard isNumber, let first = digits.first else { return false }
        return configuration.option(short: first) == nil
    }

    private func suggestion(for name: String) -> String? {
        var names = configuration.options.map(\.long) + ["help"]
        if isRoot && configuration.version != nil { names.append("version") }
        return Suggestion.closest(to: name, among: names).map { "--\($0)" }
    }
}

// Precedence: command line, then environment variable, then default.
extension ArgumentParser {
    private func resolve() throws(ValidationError) -> ParsedArguments {
        var options: [String: ParsedArguments.Resolved] = [:]
        var flags: [String: ParsedArguments.Resolved] = [:]
        for spec in configuration.options {
            if spec.isFlag {
                flags[spec.long] = try resolveFlag(spec)
            } else {
                options[spec.long] = resolveOption(spec)
            }
        }
        let specs = Dictionary(
            configuration.options.map { ($0.long, $0) }, uniquingKeysWith: { first, _ in first })
        return ParsedArguments(
            specs: specs, options: options, flags: flags, positionals: try assignPositionals())
    }

    private func environmentValue(_ spec: OptionSpec) -> (name: String, value: String)? {
        guard let name = spec.env, let value = environment[name], !value.isEmpty else {
            return nil
        }
        return (name, value)
    }

    private func resolveOption(_ spec: OptionSpec) -> ParsedArguments.Resolved? {
        if let values = given[spec.long] {
            return .init(
                values: spec.repeatable ? values : Array(values.suffix(1)), source: .commandLine)
        }
        if let (name, value) = environmentValue(spec) {
            let values =
                spec.repeatable
                ? value.split(separator: ",").map(trimmed).filter { !$0.isEmpty }
                : [value]
            return .init(values: values, source: .environment(name))
        }
        return spec.defaultValue.map { .init(values: [$0], source: .defaultValue) }
    }

    private func trimmed(_ text: Substring) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    private func resolveFlag(_ spec: OptionSpec) throws(ValidationError)
        -> ParsedArguments.Resolved?
    {
        if flagsGiven.contains(spec.long) { return .init(values: ["true"], source: .commandLine) }
        guard let (name, value) = environmentValue(spec) else { return nil }
        guard let on = ValueParser.bool(value) else {
            throw ValidationError(
                "invalid value '\(value)' in \(name) (for '--\(spec.long)'): "
                    + "expected 1, 0, true, false, yes or no",
                code: "invalid_environment")
        }
        return .init(values: [on ? "true" : "false"], source: .environment(name))
    }

    private func assignPositionals() throws(ValidationError) -> [String: [String]] {
        var remaining = positionals[...]
        var assigned: [String: [String]] = [:]
        for argument in configuration.arguments {
            if argument.isRepeating {
                if remaining.isEmpty && !argument.isOptional {
                    throw .missingArgument(argument.name)
                }
                assigned[argument.name] = Array(remaining)
                remaining = []
            } else if let value = remaining.popFirst() {
                assigned[argument.name] = [value]
            } else if !argument.isOptional {
                throw .missingArgument(argument.name)
            }
        }
        if let extra = remaining.first { throw .unexpectedArgument(extra) }
        return assigned
    }
}
