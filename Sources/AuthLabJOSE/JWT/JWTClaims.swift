public import AuthLabJSON

/// The claims of a JWT (RFC 7519 §4.1) with the registered ones type-checked.
///
/// Registered claims that are present must have their registered type: `iss`, `sub`, `jti`
/// strings; `aud` a string or an array of strings; `exp`, `nbf`, `iat` integer NumericDates
/// between 0 and year 9999. Anything else (a string, a fraction, 1e400, 2^63) is
/// `invalid_claim`: a date we cannot compare exactly is not a date we accept.
public struct JWTClaims: Sendable, Equatable {
    /// Largest NumericDate accepted: 9999-12-31T23:59:59Z.
    public static let maximumNumericDate: Int64 = 253_402_300_799

    public let iss: String?
    public let sub: String?
    /// The audiences; a single-string `aud` becomes a one-element array.
    public let aud: [String]?
    public let exp: Int64?
    public let nbf: Int64?
    public let iat: Int64?
    public let jti: String?
    /// The `name` claim if it is a string (authlab puts the username there).
    public let name: String?
    /// Every claim, as received.
    public let object: JSONObject

    /// Reads `object`, checking the types of the registered claims.
    public init(object: JSONObject) throws(JOSEError) {
        var iss: String? = nil
        var sub: String? = nil
        var aud: [String]? = nil
        var exp: Int64? = nil
        var nbf: Int64? = nil
        var iat: Int64? = nil
        var jti: String? = nil
        var name: String? = nil
        for member in object.members {
            switch MemberName(member.key) {
            case .exp: exp = try Self.numericDate(member)
            case .iat: iat = try Self.numericDate(member)
            case .nbf: nbf = try Self.numericDate(member)
            case .sub: sub = try Self.string(member)
            case .iss: iss = try Self.string(member)
            case .aud: aud = try Self.audience(member)
            case .jti: jti = try Self.string(member)
            case .name: name = member.value.stringValue
            default: continue
            }
        }
        (self.iss, self.sub, self.aud, self.jti, self.name) = (iss, sub, aud, jti, name)
        (self.exp, self.nbf, self.iat) = (exp, nbf, iat)
        self.object = object
    }

    private static func numericDate(_ member: JSONObject.Member) throws(JOSEError) -> Int64 {
        guard case .int(let value) = member.value else {
            throw JOSEError(.invalidClaim, "the \(member.key) claim is not an integer date")
        }
        guard value >= 0, value <= maximumNumericDate else {
            throw JOSEError(.invalidClaim, "the \(member.key) claim is out of range")
        }
        return value
    }

    private static func string(_ member: JSONObject.Member) throws(JOSEError) -> String {
        guard case .string(let value) = member.value else {
            throw JOSEError(.invalidClaim, "the \(member.key) claim is not a string")
        }
        return value
    }

    private static func audience(_ member: JSONObject.Member) throws(JOSEError) -> [String] {
        switch member.value {
        case .string(let value):
            return [value]
        case .array(let elements):
            var audiences: [String] = []
            for element in elements {
                guard case .string(let value) = element else {
                    throw JOSEError(
                        .invalidClaim, "the aud claim has a member that is not a string")
                }
                audiences.append(value)
            }
            return audiences
        default:
            throw JOSEError(.invalidClaim, "the aud claim is neither a string nor an array")
        }
    }
}
