/// A command-line command: parsed from `ParsedArguments`, validated, then run.
///
/// A command group (one with `subcommands`) usually keeps the default `run`,
/// which prints its help.
public protocol Command: SendableMetatype {
    static var configuration: CommandConfiguration { get }

    /// Builds the command from its parsed options and arguments.
    init(arguments: ParsedArguments) throws(ValidationError)

    /// Checks values that depend on each other; a throw is a usage error (exit 64).
    func validate() throws(ValidationError)

    /// Does the work. A `ValidationError` is a usage error (exit 64), an `ExitCode`
    /// exits with that status, and any other error prints `Error: …` (exit 1).
    func run(context: CommandContext) async throws
}

extension Command {
    public func validate() throws(ValidationError) {}

    public func run(context: CommandContext) async throws {
        let path =
            context.commandPath.isEmpty ? [Self.configuration.commandName] : context.commandPath
        context.output.write(
            HelpFormatter.help(for: Self.configuration, path: path, isRoot: path.count == 1))
    }
}

/// What a running command may use besides its arguments: output and environment.
public struct CommandContext: Sendable {
    public let output: CommandOutput
    public let environment: [String: String]
    /// The command names from the root to this command, e.g. `["authlab", "jwt", "encode"]`.
    public let commandPath: [String]

    public init(output: CommandOutput, environment: [String: String], commandPath: [String]) {
        self.output = output
        self.environment = environment
        self.commandPath = commandPath
    }
}
