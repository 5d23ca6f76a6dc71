/// What a command is called, what it says about itself, and what it accepts.
public struct CommandConfiguration: Sendable {
    public var commandName: String
    /// A one-line summary (OVERVIEW, and the command's line in its parent's SUBCOMMANDS).
    public var abstract: String
    /// Longer text printed after the overview.
    public var discussion: String
    /// The version printed by `--version` (root command only).
    public var version: String?
    public var options: [OptionSpec]
    public var arguments: [ArgumentSpec]
    public var subcommands: [any Command.Type]
    /// The subcommand run when none is named.
    public var defaultSubcommand: (any Command.Type)?

    public init(
        commandName: String, abstract: String = "", discussion: String = "",
        version: String? = nil, options: [OptionSpec] = [], arguments: [ArgumentSpec] = [],
        subcommands: [any Command.Type] = [], defaultSubcommand: (any Command.Type)? = nil
    ) {
        precondition(
            arguments.dropLast().allSatisfy { !$0.isRepeating },
            "only the last positional argument may repeat")
        self.commandName = commandName
        self.abstract = abstract
        self.discussion = discussion
        self.version = version
        self.options = options
        self.arguments = arguments
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
    }

    func option(long: String) -> OptionSpec? {
        options.first { $0.long == long }
    }

    func option(short: Character) -> OptionSpec? {
        options.first { $0.short == short }
    }

    func subcommand(named name: String) -> (any Command.Type)? {
        subcommands.first { $0.configuration.commandName == name }
    }
}
