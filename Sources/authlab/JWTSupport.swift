import AuthLab
import AuthLabCLI
import AuthLabJOSE
import AuthLabJSON
import Foundation

/// Shared pieces of the `authlab jwt` subcommands.
enum JWTSupport {
    static let keyFileOption = OptionSpec(
        long: "key-file", valueName: "path",
        help: "JWK Set of keys (the first signs, all verify), or a PEM private key with --alg.",
        env: "AUTHLAB_JWT_KEY_FILE")
    static let algOption = OptionSpec(
        long: "alg", valueName: "alg", help: "Algorithm for a PEM key file.", defaultValue: "HS256")
    static let jsonFlag = OptionSpec.flag(long: "json", help: "Print machine-readable JSON only.")
    static let nowOption = OptionSpec(
        long: "now", valueName: "unix-seconds", help: "Pretend the time is this (default: now).")

    static func algorithm(_ arguments: ParsedArguments) throws(ValidationError) -> JWSAlgorithm {
        let name = arguments.string("alg") ?? "HS256"
        guard let algorithm = JWSAlgorithm(rawValue: name) else {
            let known = JWSAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--alg must be one of \(known)")
        }
        return algorithm
    }

    static func now(_ arguments: ParsedArguments) throws(ValidationError) -> Int64 {
        try arguments.value("now", expected: "Unix seconds") { Int64($0) }
            ?? Int64(Date().timeIntervalSince1970)
    }

    /// The token argument, or standard input when it is `-`.
    static func token(_ argument: String) -> String {
        guard argument == "-" else {
            return argument.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `2026-12-04 20:42:29 UTC` for a Unix time.
    static func utc(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The anatomy of a token, for a learner.
    static func explain(_ anatomy: JWSAnatomy, now: Int64) -> String {
        var text = "A JWS compact token is three base64url segments joined by dots:\n"
        text += "  header.payload.signature\n\n"
        text += "1. header (base64url):  \(anatomy.header.raw)\n"
        text += "   decoded:             \(describe(anatomy.header))\n"
        text += "2. payload (base64url): \(anatomy.payload.raw)\n"
        text += "   decoded:             \(describe(anatomy.payload))\n"
        if case .object(let claims)? = anatomy.payload.json {
            for name in ["iat", "nbf", "exp"] {
                guard case .int(let value)? = claims[name] else { continue }
                let delta = value - now
                let relative = delta >= 0 ? "in \(delta) s" : "\(-delta) s ago"
                text += "   \(name) = \(value) = \(utc(value)) (\(relative))\n"
            }
        }
        text += "3. signature (base64url): \(anatomy.signatureRaw)\n"
        text += "   \(anatomy.signature.count) bytes, hex: \(anatomy.signatureHex)\n"
        text += "The signature covers the signing input, the first two segments as sent:\n"
        text += "  \(anatomy.signingInput)\n"
        return text
    }

    private static func describe(_ part: JWSAnatomy.Part) -> String {
        if let json = part.json { return JSONWriter.string(json) }
        return "(not JSON: \(part.decoded.count) bytes)"
    }
}
