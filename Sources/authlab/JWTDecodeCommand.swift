import AuthLabCLI
import AuthLabJOSE
import AuthLabJSON

/// `authlab jwt decode`: the three parts of a token, checking nothing.
struct JWTDecodeCommand: Command {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Show the header, payload and signature of a token. Checks NOTHING.",
        discussion: """
            Anyone can decode a JWT: the payload is encoded, not encrypted. Use \
            'authlab jwt verify' to find out whether to believe it.
            """,
        options: [JWTSupport.nowOption, JWTSupport.jsonFlag],
        arguments: [ArgumentSpec(name: "token", help: "The token, or - to read it from stdin.")])

    let token: String
    let now: Int64
    let json: Bool

    init(arguments: ParsedArguments) throws(ValidationError) {
        token = JWTSupport.token(arguments.argument("token") ?? "-")
        now = try JWTSupport.now(arguments)
        json = arguments.flag("json")
    }

    func run(context: CommandContext) async throws {
        let anatomy: JWSAnatomy
        do {
            anatomy = try JWSAnatomy(token: token)
        } catch {
            context.output.writeError("Error: cannot decode: \(error.description)\n")
            throw ExitCode.failure
        }
        if json {
            context.output.write(JSONWriter.string(anatomy.json()) + "\n")
            return
        }
        var text = "NOT VERIFIED: decoding reads a token; it proves nothing about it.\n\n"
        text += JWTSupport.explain(anatomy, now: now)
        context.output.write(text)
    }
}
