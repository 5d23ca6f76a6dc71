internal import AuthLabCrypto
public import AuthLabJSON

/// A token taken apart for teaching (`POST /jwt/inspect`, `authlab jwt decode|verify`).
///
/// Built from any three base64url segments, whether or not they verify: the header and
/// payload are shown decoded (and parsed, when they are JSON), the signature as hex, and the
/// exact signing input. `verify(with:now:)` fills in the verdict.
public struct JWSAnatomy: Sendable {
    /// One of the first two segments.
    public struct Part: Sendable, Equatable {
        /// The base64url segment as received.
        public let raw: String
        /// The decoded bytes.
        public let decoded: [UInt8]
        /// The decoded bytes parsed as JSON, nil when they are not (strict) JSON.
        public let json: JSONValue?
    }

    /// The verdict of a verification.
    public struct Verification: Sendable, Equatable {
        /// `true` when signature and claims checked out.
        public let valid: Bool
        /// Why not, when not valid.
        public let error: JOSEError?

        /// The human text of `error`, nil when valid.
        public var reason: String? { error?.description }
    }

    /// The header segment.
    public let header: Part
    /// The payload segment.
    public let payload: Part
    /// The signature segment as received.
    public let signatureRaw: String
    /// The decoded signature bytes.
    public let signature: [UInt8]
    /// `header.payload`: the bytes the signature covers.
    public let signingInput: String
    /// The verdict, once `verify(with:now:)` ran.
    public private(set) var verification: Verification?

    /// Splits and decodes `token`; throws `malformed` unless it is three base64url segments.
    public init(token: String) throws(JOSEError) {
        let segments = token.utf8.split(
            separator: UInt8(ascii: "."), maxSplits: 3, omittingEmptySubsequences: false)
        guard segments.count == 3 else {
            throw JOSEError(.malformed, "the token does not have exactly three segments")
        }
        header = try Self.part(Array(segments[0]), name: "header")
        payload = try Self.part(Array(segments[1]), name: "payload")
        signatureRaw = String(decoding: segments[2], as: UTF8.self)
        do {
            signature = try Base64URL.decode(Array(segments[2]))
        } catch {
            throw JOSEError(.malformed, "the signature segment is not valid base64url")
        }
        signingInput = header.raw + "." + payload.raw
    }

    /// The signature as lowercase hex.
    public var signatureHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(signature.count * 2)
        for byte in signature {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Runs `verifier` on the token at `now` and records the verdict.
    public mutating func verify(with verifier: TokenVerifier, now: Int64) {
        let token = signingInput + "." + signatureRaw
        do {
            _ = try verifier.verify(token, now: now)
            verification = Verification(valid: true, error: nil)
        } catch {
            verification = Verification(valid: false, error: error)
        }
    }

    /// The `/jwt/inspect` shape: `{"header":{"raw","decoded","json"},"payload":{...},
    /// "signature":{"raw","hex"},"signing_input","verification":{"valid","code","reason"}}`;
    /// `verification` is null until `verify(with:now:)` ran.
    public func json() -> JSONValue {
        var verdict: JSONValue = nil
        if let verification {
            let code: JSONValue = verification.error.map { .string($0.code.rawValue) } ?? nil
            let reason: JSONValue = verification.error.map { .string($0.description) } ?? nil
            verdict = ["valid": .bool(verification.valid), "code": code, "reason": reason]
        }
        return [
            "header": Self.json(header), "payload": Self.json(payload),
            "signature": ["raw": .string(signatureRaw), "hex": .string(signatureHex)],
            "signing_input": .string(signingInput), "verification": verdict,
        ]
    }

    private static func json(_ part: Part) -> JSONValue {
        [
            "raw": .string(part.raw),
            "decoded": .string(String(decoding: part.decoded, as: UTF8.self)),
            "json": part.json ?? nil,
        ]
    }

    private static func part(_ segment: [UInt8], name: String) throws(JOSEError) -> Part {
        let decoded: [UInt8]
        do {
            decoded = try Base64URL.decode(segment)
        } catch {
            throw JOSEError(.malformed, "the \(name) segment is not valid base64url")
        }
        return Part(
            raw: String(decoding: segment, as: UTF8.self), decoded: decoded,
            json: try? JSONParser.parse(decoded))
    }
}
