public import AuthLabJSON

/// A JWS protected header, checked against authlab's header policy.
///
/// Policy: `alg` must be a string; `kid`, `typ` and `cty`, when present, must be strings.
/// `crit` is rejected (we understand no extensions), and so are `jwk`, `jku`, `x5u` and `x5c`:
/// a token must never choose the key it is verified with, so rather than silently ignoring
/// these we answer `unsupported_header`, which makes such an attempt visible.
public struct JWSHeader: Sendable, Equatable {
    /// The `alg` value exactly as received (it may name an algorithm we refuse, such as `none`).
    public let alg: String
    /// The `kid` value, if any.
    public let kid: String?
    /// The `typ` value, if any.
    public let typ: String?
    /// The whole header object as received.
    public let object: JSONObject

    /// Reads and checks a parsed header object.
    public init(object: JSONObject) throws(JOSEError) {
        var alg: String? = nil
        var kid: String? = nil
        var typ: String? = nil
        for member in object.members {
            switch MemberName(member.key) {
            case .alg:
                guard case .string(let value) = member.value else {
                    throw JOSEError(.malformed, "the header's alg is not a string")
                }
                alg = value
            case .kid:
                guard case .string(let value) = member.value else {
                    throw JOSEError(.malformed, "the header's kid is not a string")
                }
                kid = value
            case .typ, .cty:
                guard case .string(let value) = member.value else {
                    throw JOSEError(.malformed, "the header's \(member.key) is not a string")
                }
                if member.key == "typ" { typ = value }
            case .crit:
                throw JOSEError(
                    .unsupportedHeader, "the header has crit: no extensions are understood")
            case .jwk, .jku, .x5u, .x5c:
                throw JOSEError(
                    .unsupportedHeader,
                    "the header carries \(member.key): keys are never taken from the token")
            default:
                continue
            }
        }
        guard let alg else { throw JOSEError(.malformed, "the header has no alg") }
        self.alg = alg
        self.kid = kid
        self.typ = typ
        self.object = object
    }

    /// The algorithm named by `alg`, if it is in the table.
    public var algorithm: JWSAlgorithm? { JWSAlgorithm(headerValue: alg) }
}
