import AuthLabCLI
import Testing

@Suite("Help")
struct HelpFormatterTests {
    static let rootHelp = """
        OVERVIEW: Session cookies and JWTs side by side.

        USAGE: authlab <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          serve                   Run the HTTP server.
          jwt                     Encode, decode and verify JSON Web Tokens.

          See 'authlab help <subcommand>' for detailed help.

        """

    static let serveHelp = """
        OVERVIEW: Run the HTTP server.

        USAGE: authlab serve [--host <host>] [--port <port>] [--access-ttl <duration>]
                 [--allowed-origin <origin> ...] [--secure-cookies] [--verbose]

        OPTIONS:
          --host <host>           Address to bind. (default: 127.0.0.1; env:
                                  AUTHLAB_HOST)
          -p, --port <port>       Port to listen on. (default: 8080; env: AUTHLAB_PORT)
          --access-ttl <duration>
                                  Access token lifetime. (default: 15m; env:
                                  AUTHLAB_ACCESS_TTL)
          --allowed-origin <origin>
                                  An origin allowed to call /session/* with credentials
                                  (repeatable). (env: AUTHLAB_ALLOWED_ORIGIN)
          --secure-cookies        Mark cookies Secure. (env: AUTHLAB_SECURE_COOKIES)
          -v, --verbose           Log every request.
          -h, --help              Show help information.

        """

    static let encodeHelp = """
        OVERVIEW: Sign a set of claims.

        Claims are given as name=value pairs.

        USAGE: authlab jwt encode [--alg <algorithm>] [--key-file <path>] [<claim> ...]

        ARGUMENTS:
          <claim>                 A claim as name=value.

        OPTIONS:
          --alg <algorithm>       JWS algorithm. (default: HS256)
          --key-file <path>       JWK Set of signing keys.
          -h, --help              Show help information.

        """

    @Test("root help: overview, usage, options with --version, subcommands")
    func rootSnapshot() async {
        let result = await run(["--help"])
        #expect(result.status == 0)
        #expect(result.out == Self.rootHelp)
        #expect(result.err == "")
        #expect(await run([]).out == Self.rootHelp)
        #expect(await run(["-h"]).out == Self.rootHelp)
    }

    @Test("leaf help aligns options at column 26 and shows defaults and env vars")
    func serveSnapshot() async {
        let result = await run(["serve", "--help"])
        #expect(result.status == 0)
        #expect(result.out == Self.serveHelp)
        #expect(await run(["serve", "--port", "1", "-h"]).out == Self.serveHelp)
    }

    @Test("help <sub> and help <sub> <subsub> equal --help at that level")
    func helpSubcommand() async {
        #expect(await run(["help", "serve"]).out == Self.serveHelp)
        let nested = await run(["help", "jwt", "encode"])
        #expect(nested.status == 0)
        #expect(nested.out == Self.encodeHelp)
        #expect(await run(["jwt", "encode", "--help"]).out == Self.encodeHelp)
        #expect(await run(["jwt", "help", "encode"]).out == Self.encodeHelp)
        #expect(await run(["jwt"]).out.hasPrefix("OVERVIEW: Encode, decode and verify"))
    }

    @Test("help for an unknown subcommand is a usage error")
    func helpUnknown() async {
        let result = await run(["help", "jwt", "nope"])
        #expect(result.status == 64)
        #expect(result.out == "")
        #expect(result.err.hasPrefix("Error: unknown subcommand 'nope'\n"))
    }

    @Test("--version prints the version on the root only")
    func version() async {
        let result = await run(["--version"])
        #expect(result.status == 0)
        #expect(result.out == "authlab 1.2.3\n")
        let sub = await run(["serve", "--version"])
        #expect(sub.status == 64)
        #expect(sub.err.hasPrefix("Error: unknown option '--version'"))
    }

    @Test("long help text wraps at 80 columns")
    func wrapping() {
        let row = HelpFormatter.help(
            for: CommandConfiguration(
                commandName: "x",
                options: [
                    OptionSpec(long: "a", help: String(repeating: "word ", count: 30))
                ]), path: ["x"], isRoot: false)
        #expect(row.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
