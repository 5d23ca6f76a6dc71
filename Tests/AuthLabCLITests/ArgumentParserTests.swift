import AuthLabCLI
import Testing

@Suite("Argument parsing")
struct ArgumentParserTests {
    @Test("defaults apply when nothing is given")
    func defaults() async {
        let result = await run(["serve"])
        #expect(result.status == 0)
        #expect(
            result.out
                == "host=127.0.0.1 port=8080 ttl=900 origins=[] secure=false verbose=false\n")
        #expect(result.err == "")
    }

    @Test("--name value, --name=value, -p value, -pvalue and flags all parse")
    func everyForm() async {
        let spaced = await run(["serve", "--host", "0.0.0.0", "--port", "9000", "--secure-cookies"])
        #expect(spaced.out.hasPrefix("host=0.0.0.0 port=9000 ttl=900 origins=[] secure=true"))
        let equals = await run(["serve", "--host=::1", "--port=81", "--access-ttl=1h"])
        #expect(equals.out.hasPrefix("host=::1 port=81 ttl=3600 "))
        let short = await run(["serve", "-p", "82", "-v"])
        #expect(
            short.out.hasPrefix("host=127.0.0.1 port=82 ") && short.out.hasSuffix("verbose=true\n"))
        let attached = await run(["serve", "-p83"])
        #expect(attached.out.contains("port=83 "))
        let cluster = await run(["serve", "-vp", "84"])
        #expect(cluster.out.contains("port=84 ") && cluster.out.contains("verbose=true"))
    }

    @Test("a repeated non-repeatable option keeps the last value")
    func lastValueWins() async {
        let result = await run(["serve", "--port", "1", "--port", "2"])
        #expect(result.out.contains("port=2 "))
    }

    @Test("a repeatable option keeps every value in order")
    func repeatable() async {
        let result = await run([
            "serve", "--allowed-origin", "https://a.example", "--allowed-origin=https://b.example",
        ])
        #expect(result.out.contains(#"origins=["https://a.example", "https://b.example"]"#))
    }

    @Test("positionals, a repeating argument, and -- make the rest positional")
    func positionalsAndTerminator() async {
        let result = await run(["jwt", "encode", "sub=1", "--alg", "ES256", "--", "--name=x", "-h"])
        #expect(result.status == 0)
        #expect(
            result.out
                == #"alg=ES256 claims=["sub=1", "--name=x", "-h"] path=["authlab", "jwt", "encode"]"#
                + "\n")
        let decoded = await run(["jwt", "decode", "a.b.c"])
        #expect(decoded.out == "token=a.b.c\n")
    }

    @Test("an option value may be a negative number")
    func negativeValue() async {
        let result = await run(["serve", "--port", "-1"])
        #expect(result.status == 64)
        #expect(
            result.err.hasPrefix(
                "Error: invalid value '-1' for '--port <port>': expected an integer from 0 to 65535\n"
            ))
    }
}
