import AuthLabCLI

/// `authlab`: session cookies and JWT bearer tokens side by side.
@main
struct AuthLabCommand: Command {
    static let configuration = CommandConfiguration(
        commandName: "authlab",
        abstract: "Server-side sessions and stateless JWTs side by side: see, run, break, measure.",
        discussion: """
            Start with `authlab serve`, then follow docs/walkthrough.md. `authlab jwt` \
            takes a token apart in the terminal; `authlab seed` fills a database for the \
            benchmark.
            """,
        version: "authlab 0.1.0",
        subcommands: [ServeCommand.self, JWTCommand.self, SeedCommand.self, BenchCommand.self])

    init(arguments: ParsedArguments) {}
}
