import AuthLab
import AuthLabCLI
import AuthLabJOSE
import AuthLabJSON

/// `authlab jwt verify`: the server's checks, in the server's order.
struct JWTVerifyCommand: Command {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Check a token as the server does: exit 0 when valid, 1 with the reason when not.",
        discussion: """
            The checks run in a fixed order and stop at the first failure: size (8 KiB), \
            three segments, base64url, header JSON, alg and kid against the key file \
            (the key decides the algorithm), the signature (constant time), then the \
            claims: exp, nbf, iat, iss, aud, sub. Without --aud, a token that carries \
            aud is refused (RFC 7519 4.1.3).
            """,
        options: [
            JWTSupport.keyFileOption, JWTSupport.algOption,
            OptionSpec(long: "iss", valueName: "issuer", help: "Required iss."),
            OptionSpec(long: "aud", valueName: "audience", help: "Required member of aud."),
            OptionSpec(
                long: "leeway", valueName: "duration", help: "Clock-skew leeway.",
                defaultValue: "30"),
            JWTSupport.nowOption, JWTSupport.jsonFlag,
        ],
        arguments: [ArgumentSpec(name: "token", help: "The token, or - to read it from stdin.")])

    static let steps: [(String, Set<JOSEError.Code>)] = [
        ("size is at most 8 KiB", [.tooLarge]),
        ("three base64url segments, header is a JSON object", [.malformed]),
        ("no header we refuse to trust (crit, jku, x5u, jwk)", [.unsupportedHeader]),
        (
            "kid names a key, and alg is that key's algorithm",
            [.unknownKid, .algNotAllowed, .invalidKey]
        ),
        ("signature matches the signing input", [.badSignature]),
        (
            "claims: exp, nbf, iat, iss, aud, sub",
            [
                .expired, .notYetValid, .issuedInFuture, .wrongIssuer, .wrongAudience,
                .missingClaim, .invalidClaim, .tooOld,
            ]
        ),
    ]

    let keyFile: String
    let algorithm: JWSAlgorithm
    let options: ValidationOptions
    let token: String
    let now: Int64
    let json: Bool

    init(arguments: ParsedArguments) throws(ValidationError) {
        guard let keyFile = arguments.string("key-file") else {
            throw ValidationError("--key-file is required")
        }
        self.keyFile = keyFile
        algorithm = try JWTSupport.algorithm(arguments)
        let leeway = try arguments.seconds("leeway") ?? 30
        guard (0...86_400).contains(leeway) else {
            throw ValidationError("--leeway must be 0-86400 s")
        }
        options = ValidationOptions(
            issuer: arguments.string("iss"), audience: arguments.string("aud"), leeway: leeway)
        token = JWTSupport.token(arguments.argument("token") ?? "-")
        now = try JWTSupport.now(arguments)
        json = arguments.flag("json")
    }

    func run(context: CommandContext) async throws {
        let ring = try KeyFile.load(path: keyFile, algorithm: algorithm)
        let verifier = TokenVerifier(keyRing: ring, options: options)
        do {
            let verified = try verifier.verify(token, now: now)
            if json {
                let result: JSONValue = [
                    "valid": true, "kid": .string(verified.kid),
                    "claims": .object(verified.claims.object),
                ]
                context.output.write(JSONWriter.string(result) + "\n")
            } else {
                var text = ""
                for (step, _) in Self.steps { text += "  ok    \(step)\n" }
                text +=
                    "VALID: signed by key '\(verified.kid)'; claims \(JSONWriter.string(.object(verified.claims.object)))\n"
                context.output.write(text)
            }
        } catch {
            if json {
                let result: JSONValue = [
                    "valid": false, "code": .string(error.code.rawValue),
                    "reason": .string(error.description),
                ]
                context.output.write(JSONWriter.string(result) + "\n")
            } else {
                var text = ""
                var failed = false
                for (step, codes) in Self.steps {
                    if failed {
                        text += "  --    \(step) (not checked)\n"
                    } else if codes.contains(error.code) {
                        text += "  FAIL  \(step)\n"
                        failed = true
                    } else {
                        text += "  ok    \(step)\n"
                    }
                }
                text += "INVALID (\(error.code.rawValue)): \(error.description)\n"
                context.output.write(text)
            }
            throw ExitCode.failure
        }
    }
}
