import AuthLabCLI
import Testing

@Suite("Environment precedence")
struct EnvironmentTests {
    @Test("flag beats environment variable beats default")
    func precedence() async {
        let env = ["AUTHLAB_PORT": "7000", "AUTHLAB_HOST": "10.0.0.1"]
        let fromEnv = await run(["serve"], environment: env)
        #expect(fromEnv.out.hasPrefix("host=10.0.0.1 port=7000 "))
        let fromFlag = await run(["serve", "--port", "7001"], environment: env)
        #expect(fromFlag.out.hasPrefix("host=10.0.0.1 port=7001 "))
        let fromDefault = await run(["serve"], environment: ["AUTHLAB_PORT": ""])
        #expect(fromDefault.out.hasPrefix("host=127.0.0.1 port=8080 "))
    }

    @Test("boolean environment variables accept 1/0/true/false/yes/no in any case")
    func booleanValues() async {
        for (value, expected) in [
            ("1", true), ("0", false), ("true", true), ("FALSE", false), ("Yes", true),
            ("no", false),
        ] {
            let result = await run(["serve"], environment: ["AUTHLAB_SECURE_COOKIES": value])
            #expect(result.status == 0)
            #expect(result.out.contains("secure=\(expected)"), "for \(value)")
        }
        let flagWins = await run(
            ["serve", "--secure-cookies"], environment: ["AUTHLAB_SECURE_COOKIES": "no"])
        #expect(flagWins.out.contains("secure=true"))
    }

    @Test("a bad boolean environment value is a usage error naming the variable")
    func badBoolean() async {
        let result = await run(["serve"], environment: ["AUTHLAB_SECURE_COOKIES": "maybe"])
        #expect(result.status == 64)
        #expect(result.out == "")
        #expect(
            result.err.hasPrefix(
                "Error: invalid value 'maybe' in AUTHLAB_SECURE_COOKIES (for '--secure-cookies'): "
                    + "expected 1, 0, true, false, yes or no\nUsage: authlab serve "))
    }

    @Test("a bad integer from the environment names the variable")
    func badIntegerFromEnvironment() async {
        let result = await run(["serve"], environment: ["AUTHLAB_PORT": "http"])
        #expect(result.status == 64)
        #expect(
            result.err.hasPrefix(
                "Error: invalid value 'http' in AUTHLAB_PORT (for '--port <port>'): expected"))
    }

    @Test("a repeatable option reads a comma-separated environment variable")
    func repeatableFromEnvironment() async {
        let env = ["AUTHLAB_ALLOWED_ORIGIN": "https://a.example, https://b.example,"]
        let result = await run(["serve"], environment: env)
        #expect(result.out.contains(#"origins=["https://a.example", "https://b.example"]"#))
        let flags = await run(["serve", "--allowed-origin", "https://c.example"], environment: env)
        #expect(flags.out.contains(#"origins=["https://c.example"]"#))
    }
}
