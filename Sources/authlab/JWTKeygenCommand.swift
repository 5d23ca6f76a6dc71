import AuthLabCLI
import AuthLabJOSE
import AuthLabJSON

/// `authlab jwt keygen`: a fresh key as a JWK Set, ready for --jwt-key-file.
struct JWTKeygenCommand: Command {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Print a new private key as a JWK Set (keep it secret).",
        discussion: """
            The output is a key file for 'authlab serve --jwt-key-file' and the other \
            'authlab jwt' commands. HMAC keys are random and as long as the hash \
            output; asymmetric keys come from OpenSSL (RSA 2048, P-256, Ed25519).
            """,
        options: [
            OptionSpec(
                long: "alg", valueName: "alg",
                help: "HS256, HS384, HS512, RS256, PS256, ES256 or EdDSA.", defaultValue: "HS256"),
            OptionSpec(
                long: "kid", valueName: "id", help: "Key id (default: the RFC 7638 thumbprint)."),
        ])

    let algorithm: JWSAlgorithm
    let kid: String?

    init(arguments: ParsedArguments) throws(ValidationError) {
        algorithm = try JWTSupport.algorithm(arguments)
        kid = arguments.string("kid")
        if let kid, kid.isEmpty || kid.utf8.count > 128 {
            throw ValidationError("--kid must be 1-128 characters")
        }
    }

    func run(context: CommandContext) async throws {
        let key = try SigningKey.generate(algorithm, kid: kid)
        let set: JSONValue = ["keys": [key.privateJWK()]]
        context.output.write(JSONWriter.string(set) + "\n")
    }
}
