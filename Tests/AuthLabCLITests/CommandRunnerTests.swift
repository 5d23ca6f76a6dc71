import AuthLabCLI
import Testing

@Suite("Errors and exit codes")
struct CommandRunnerTests {
    static let serveUsage = """
        Usage: authlab serve [--host <host>] [--port <port>] [--access-ttl <duration>]
                 [--allowed-origin <origin> ...] [--secure-cookies] [--verbose]
          See 'authlab serve --help' for more information.

        """

    @Test("an unknown option is a usage error on stderr with a suggestion, exit 64")
    func unknownOption() async {
        let result = await run(["serve", "--prot", "1"])
        #expect(result.status == 64)
        #expect(result.out == "")
        #expect(
            result.err == "Error: unknown option '--prot' (did you mean '--port'?)\n"
                + Self.serveUsage)
        let short = await run(["serve", "-x"])
        #expect(short.err.hasPrefix("Error: unknown option '-x'\n"))
    }

    @Test("a missing option value is a usage error")
    func missingValue() async {
        for arguments in [
            ["serve", "--port"], ["serve", "--port", "--host", "x"], ["serve", "-p"],
        ] {
            let result = await run(arguments)
            #expect(result.status == 64)
            #expect(result.err == "Error: missing value for '--port <port>'\n" + Self.serveUsage)
        }
    }

    @Test("a bad integer is a usage error naming the option")
    func badInteger() async {
        let result = await run(["serve", "--port", "eighty"])
        #expect(result.status == 64)
        #expect(
            result.err.hasPrefix(
                "Error: invalid value 'eighty' for '--port <port>': expected an integer from 0 to 65535\n"
            ))
        let ttl = await run(["serve", "--access-ttl", "15 minutes"])
        #expect(ttl.status == 64)
        #expect(ttl.err.contains("expected a duration"))
    }

    @Test("an unknown subcommand is a usage error with a suggestion")
    func unknownSubcommand() async {
        let result = await run(["jwt", "enocde"])
        #expect(result.status == 64)
        #expect(
            result.err == """
                Error: unknown subcommand 'enocde' (did you mean 'encode'?)
                Usage: authlab jwt <subcommand>
                  See 'authlab jwt --help' for more information.

                """)
    }

    @Test("missing and unexpected positionals, and values on flags, are usage errors")
    func positionalErrors() async {
        let missing = await run(["jwt", "decode"])
        #expect(missing.status == 64)
        #expect(
            missing.err.hasPrefix(
                "Error: missing expected argument '<token>'\nUsage: authlab jwt decode <token>\n"))
        let extra = await run(["jwt", "decode", "a", "b"])
        #expect(extra.status == 64)
        #expect(extra.err.hasPrefix("Error: unexpected argument 'b'\n"))
        let flagValue = await run(["serve", "--verbose=1"])
        #expect(flagValue.err.hasPrefix("Error: '--verbose' does not take a value\n"))
    }

    @Test("a ValidationError from validate() exits 64")
    func validateFailure() async {
        let result = await run(["serve", "--host", "fail-validation", "--secure-cookies"])
        #expect(result.status == 64)
        #expect(
            result.err.hasPrefix("Error: --secure-cookies needs a real host\nUsage: authlab serve"))
    }

    @Test("an error thrown by run() prints Error: and exits 1 without usage")
    func runFailure() async {
        let result = await run(["jwt", "encode", "fail"])
        #expect(result.status == 1)
        #expect(result.out == "")
        #expect(result.err == "Error: the key file could not be read\n")
    }

    @Test("an ExitCode thrown by run() becomes the status, silently")
    func exitCode() async {
        let result = await run(["jwt", "encode", "exit3"])
        #expect(result.status == 3)
        #expect(result.err == "")
    }
}
