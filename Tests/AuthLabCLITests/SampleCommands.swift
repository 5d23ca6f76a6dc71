import AuthLabCLI
import Synchronization

/// Output captured from a run, for assertions.
final class CapturedOutput: Sendable {
    private let stdout = Mutex("")
    private let stderr = Mutex("")

    var output: CommandOutput {
        CommandOutput(
            write: { text in self.stdout.withLock { $0 += text } },
            writeError: { text in self.stderr.withLock { $0 += text } })
    }

    var out: String { stdout.withLock { $0 } }
    var err: String { stderr.withLock { $0 } }
}

/// Runs the sample tree and returns (status, stdout, stderr).
func run(_ arguments: [String], environment: [String: String] = [:]) async
    -> (status: Int32, out: String, err: String)
{
    let captured = CapturedOutput()
    let status = await SampleRoot.main(
        arguments: arguments, environment: environment, output: captured.output)
    return (status, captured.out, captured.err)
}

struct SampleRoot: Command {
    static let configuration = CommandConfiguration(
        commandName: "authlab",
        abstract: "Session cookies and JWTs side by side.",
        version: "authlab 1.2.3",
        subcommands: [SampleServe.self, SampleJWT.self])

    init(arguments: ParsedArguments) {}
}

struct SampleServe: Command {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP server.",
        options: [
            OptionSpec(
                long: "host", help: "Address to bind.", env: "AUTHLAB_HOST",
                defaultValue: "127.0.0.1"),
            OptionSpec(
                long: "port", short: "p", help: "Port to listen on.", env: "AUTHLAB_PORT",
                defaultValue: "8080"),
            OptionSpec(
                long: "access-ttl", valueName: "duration", help: "Access token lifetime.",
                env: "AUTHLAB_ACCESS_TTL", defaultValue: "15m"),
            OptionSpec(
                long: "allowed-origin", valueName: "origin",
                help: "An origin allowed to call /session/* with credentials (repeatable).",
                env: "AUTHLAB_ALLOWED_ORIGIN", repeatable: true),
            .flag(
                long: "secure-cookies", help: "Mark cookies Secure.",
                env: "AUTHLAB_SECURE_COOKIES"),
            .flag(long: "verbose", short: "v", help: "Log every request."),
        ])

    let host: String
    let port: Int
    let accessTTL: Int64
    let origins: [String]
    let secure: Bool
    let verbose: Bool

    init(arguments: ParsedArguments) throws(ValidationError) {
        host = arguments.string("host") ?? ""
        port = try arguments.int("port", in: 0...65535) ?? 0
        accessTTL = try arguments.seconds("access-ttl") ?? 0
        origins = arguments.strings("allowed-origin")
        secure = arguments.flag("secure-cookies")
        verbose = arguments.flag("verbose")
    }

    func validate() throws(ValidationError) {
        if secure && host == "fail-validation" {
            throw ValidationError("--secure-cookies needs a real host")
        }
    }

    func run(context: CommandContext) async throws {
        context.output.write(
            "host=\(host) port=\(port) ttl=\(accessTTL) origins=\(origins) "
                + "secure=\(secure) verbose=\(verbose)\n")
    }
}

struct SampleJWT: Command {
    static let configuration = CommandConfiguration(
        commandName: "jwt",
        abstract: "Encode, decode and verify JSON Web Tokens.",
        subcommands: [SampleEncode.self, SampleDecode.self])

    init(arguments: ParsedArguments) {}
}

struct SampleEncode: Command {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Sign a set of claims.",
        discussion: "Claims are given as name=value pairs.",
        options: [
            OptionSpec(
                long: "alg", valueName: "algorithm", help: "JWS algorithm.", defaultValue: "HS256"),
            OptionSpec(long: "key-file", valueName: "path", help: "JWK Set of signing keys."),
        ],
        arguments: [
            ArgumentSpec(
                name: "claim", help: "A claim as name=value.", isOptional: true, isRepeating: true)
        ])

    let alg: String
    let claims: [String]

    init(arguments: ParsedArguments) {
        alg = arguments.string("alg") ?? ""
        claims = arguments.arguments("claim")
    }

    func run(context: CommandContext) async throws {
        if claims.contains("fail") { throw SampleFailure() }
        if claims.contains("exit3") { throw ExitCode(3) }
        context.output.write("alg=\(alg) claims=\(claims) path=\(context.commandPath)\n")
    }
}

struct SampleFailure: Error, CustomStringConvertible {
    var description: String { "the key file could not be read" }
}

struct SampleDecode: Command {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Show the parts of a token.",
        arguments: [ArgumentSpec(name: "token", help: "The compact JWS.")])

    let token: String

    init(arguments: ParsedArguments) {
        token = arguments.argument("token") ?? ""
    }

    func run(context: CommandContext) async throws {
        context.output.write("token=\(token)\n")
    }
}
