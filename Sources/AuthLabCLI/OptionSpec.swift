/// A named option (`--port <port>`, `-p 8080`) or flag (`--secure-cookies`).
///
/// A value is taken from the command line first, then from the environment
/// variable `env`, then from `defaultValue` (flags default to off). A repeatable
/// option read from its environment variable splits it on commas.
public struct OptionSpec: Sendable, Equatable {
    /// The long name without dashes, kebab-case: `port` for `--port`.
    public let long: String
    /// The short name, `p` for `-p`.
    public let short: Character?
    /// The value placeholder shown in help (`<port>`); empty for flags.
    public let valueName: String
    public let help: String
    /// The environment variable that supplies the value when the option is absent.
    public let env: String?
    /// The value used when neither the command line nor `env` gives one (shown in help).
    public let defaultValue: String?
    /// Whether the option may be given several times, keeping every value.
    public let repeatable: Bool
    /// Whether this is a flag (no value; on when present).
    public let isFlag: Bool

    /// An option that takes a value.
    public init(
        long: String, short: Character? = nil, valueName: String? = nil, help: String,
        env: String? = nil, defaultValue: String? = nil, repeatable: Bool = false
    ) {
        self.long = long
        self.short = short
        self.valueName = valueName ?? long
        self.help = help
        self.env = env
        self.defaultValue = defaultValue
        self.repeatable = repeatable
        isFlag = false
    }

    private init(flag long: String, short: Character?, help: String, env: String?) {
        self.long = long
        self.short = short
        valueName = ""
        self.help = help
        self.env = env
        defaultValue = nil
        repeatable = false
        isFlag = true
    }

    /// A flag: off unless given; its environment variable takes 1/0, true/false, yes/no.
    public static func flag(
        long: String, short: Character? = nil, help: String, env: String? = nil
    ) -> OptionSpec {
        OptionSpec(flag: long, short: short, help: help, env: env)
    }

    /// How the option is named in messages and help: `--port <port>`.
    public var label: String {
        isFlag ? "--\(long)" : "--\(long) <\(valueName)>"
    }
}

/// A positional argument (`<token>`), optional or repeating (`<file> ...`).
public struct ArgumentSpec: Sendable, Equatable {
    public let name: String
    public let help: String
    public let isOptional: Bool
    /// Whether it takes every remaining positional value (only the last argument may).
    public let isRepeating: Bool

    public init(name: String, help: String, isOptional: Bool = false, isRepeating: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
        self.isRepeating = isRepeating
    }
}
