/// A JOSE failure: a stable `code` for programs and a human `description` for people.
///
/// Descriptions never contain key material, secrets, file paths or the token itself.
public struct JOSEError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable machine-readable codes; the raw value is what goes on the wire.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        case tooLarge = "too_large"
        case malformed
        case algNotAllowed = "alg_not_allowed"
        case unknownKid = "unknown_kid"
        case badSignature = "bad_signature"
        case expired
        case notYetValid = "not_yet_valid"
        case issuedInFuture = "issued_in_future"
        case wrongIssuer = "wrong_issuer"
        case wrongAudience = "wrong_audience"
        case missingClaim = "missing_claim"
        case invalidClaim = "invalid_claim"
        case tooOld = "too_old"
        case unsupportedHeader = "unsupported_header"
        case invalidKey = "invalid_key"
    }

    /// What went wrong, as a stable code.
    public let code: Code
    /// Human-readable explanation.
    public let description: String

    /// Creates an error with the default text for `code`, or a more specific `description`.
    public init(_ code: Code, _ description: String? = nil) {
        self.code = code
        self.description = description ?? Self.defaultText(code)
    }

    /// The default human text for each code.
    public static func defaultText(_ code: Code) -> String {
        switch code {
        case .tooLarge: "the token is larger than 8 KiB"
        case .malformed: "the token is not a well-formed JWS compact serialization"
        case .algNotAllowed: "the token's alg is not the algorithm bound to the key"
        case .unknownKid: "no key matches the token's kid"
        case .badSignature: "the signature does not match"
        case .expired: "the token has expired"
        case .notYetValid: "the token is not valid yet (nbf is in the future)"
        case .issuedInFuture: "the token was issued in the future (iat)"
        case .wrongIssuer: "the token was issued by someone else (iss)"
        case .wrongAudience: "the token is meant for another audience (aud)"
        case .missingClaim: "a required claim is missing"
        case .invalidClaim: "a claim has the wrong type or an out-of-range value"
        case .tooOld: "the token was issued too long ago"
        case .unsupportedHeader: "the token header uses a parameter this verifier does not trust"
        case .invalidKey: "the key is not usable"
        }
    }
}
