import AuthLabCLI

/// `authlab jwt`: the anatomy of a token, step by step, in the terminal.
struct JWTCommand: Command {
    static let configuration = CommandConfiguration(
        commandName: "jwt",
        abstract: "Make, take apart and check JSON Web Tokens, step by step.",
        discussion: """
            encode signs claims into a token, decode shows its three parts without \
            checking anything, verify checks it the way the server does, keygen makes \
            a key file. Explanations go to stderr; the result alone goes to stdout, so \
            TOKEN=$(authlab jwt encode ...) works.
            """,
        subcommands: [
            JWTEncodeCommand.self, JWTDecodeCommand.self, JWTVerifyCommand.self,
            JWTKeygenCommand.self,
        ])

    init(arguments: ParsedArguments) {}
}
