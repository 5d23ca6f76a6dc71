import AuthLab
import AuthLabCLI
import AuthLabJOSE

/// `authlab serve`: the HTTP server.
struct ServeCommand: Command {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP server (both schemes, the demo page, metrics).",
        discussion: """
            Every option can also be set with the environment variable shown; a flag on \
            the command line wins over the variable, which wins over the default. \
            Durations take seconds or a unit: 900, 15m, 1h, 7d.
            """,
        options: ServeOptions.specs)

    let config: AppConfig

    init(arguments: ParsedArguments) throws(ValidationError) {
        config = try ServeOptions.config(from: arguments)
    }

    func validate() throws(ValidationError) {
        do {
            try config.validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run(context: CommandContext) async throws {
        let application: Application
        do {
            application = try Application(config: config)
        } catch {
            throw StartupError(error)
        }
        try application.run()
    }
}
