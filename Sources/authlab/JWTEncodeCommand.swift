import AuthLab
import AuthLabCLI
import AuthLabCrypto
import AuthLabJOSE
import AuthLabJSON

/// `authlab jwt encode`: claims in, signed token out.
struct JWTEncodeCommand: Command {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Sign claims into a token with the first key of a key file.",
        discussion: """
            Adds iat and nbf (now), exp (now + --ttl) and a random jti when the claims \
            lack them. Prints the token on stdout and, unless --quiet, how it was made \
            on stderr.
            """,
        options: [
            JWTSupport.keyFileOption, JWTSupport.algOption,
            OptionSpec(
                long: "claims", valueName: "json", help: "The claims, a JSON object.",
                defaultValue: "{}"),
            OptionSpec(
                long: "ttl", valueName: "duration", help: "Lifetime for exp.", defaultValue: "900"),
            JWTSupport.nowOption, JWTSupport.jsonFlag,
            .flag(long: "quiet", short: "q", help: "Print the token only."),
        ])

    let keyFile: String
    let algorithm: JWSAlgorithm
    let claimsText: String
    let ttl: Int64
    let now: Int64
    let json: Bool
    let quiet: Bool

    init(arguments: ParsedArguments) throws(ValidationError) {
        guard let keyFile = arguments.string("key-file") else {
            throw ValidationError("--key-file is required (make one with 'authlab jwt keygen')")
        }
        self.keyFile = keyFile
        algorithm = try JWTSupport.algorithm(arguments)
        claimsText = arguments.string("claims") ?? "{}"
        ttl = try arguments.seconds("ttl") ?? 900
        now = try JWTSupport.now(arguments)
        json = arguments.flag("json")
        quiet = arguments.flag("quiet")
    }

    func run(context: CommandContext) async throws {
        guard case .object(var claims) = try? JSONParser.parse(claimsText) else {
            throw ValidationError("--claims must be a JSON object, e.g. '{\"sub\":\"1\"}'")
        }
        let ring = try KeyFile.load(path: keyFile, algorithm: algorithm)
        for (name, value) in [("iat", now), ("nbf", now), ("exp", now + ttl)]
        where claims[name] == nil {
            claims[name] = .int(value)
        }
        if claims["jti"] == nil {
            claims["jti"] = .string(Base64URL.encode(try SecureRandom.bytes(16)))
        }
        let token = try TokenSigner(keyRing: ring).sign(claims: claims)
        if json {
            context.output.write(JSONWriter.string(["token": .string(token)]) + "\n")
            return
        }
        if !quiet {
            let key = ring.signingKey
            var text = "Signing with key '\(key.kid)' (\(key.algorithm.rawValue)).\n"
            if let anatomy = try? JWSAnatomy(token: token) {
                text += JWTSupport.explain(anatomy, now: now)
            }
            text +=
                key.algorithm.isSymmetric
                ? "HMAC: the same secret signs and verifies, so every verifier can also sign.\n"
                : "Asymmetric: the private key signs; anyone with the public key can verify.\n"
            context.output.writeError(text + "\n")
        }
        context.output.write(token + "\n")
    }
}
