internal import AuthLabCrypto
internal import AuthLabJSON

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// A JWS compact serialization split, decoded and header-checked, but not yet verified.
///
/// `parse` runs the first steps of the fixed verification order: size, three segments,
/// base64url of each segment, header JSON (strict: duplicate keys rejected), header policy.
public struct CompactJWS: Sendable {
    /// Tokens above this many bytes are refused before anything else is looked at.
    public static let maximumSize = 8192

    /// The checked protected header.
    public let header: JWSHeader
    /// The decoded header bytes exactly as received (never re-serialized).
    public let headerBytes: [UInt8]
    /// The decoded payload bytes.
    public let payload: [UInt8]
    /// The decoded signature bytes.
    public let signature: [UInt8]
    /// Byte length of the signing input: header segment, `.`, payload segment.
    public let signingInputLength: Int

    /// Splits and decodes `token`, checking size, segments, base64url and the header.
    public static func parse(_ token: UnsafeRawBufferPointer) throws(JOSEError) -> CompactJWS {
        guard token.count <= maximumSize else { throw JOSEError(.tooLarge) }
        let (firstDot, secondDot) = try dots(in: token)
        let headerBytes = try decodeSegment(token, 0..<firstDot, name: "header")
        let payload = try decodeSegment(token, firstDot + 1..<secondDot, name: "payload")
        let signature = try decodeSegment(
            token, secondDot + 1..<token.count, name: "signature")
        let headerValue: JSONValue
        do {
            headerValue = try JSONParser.parse(headerBytes, maxDepth: 8)
        } catch {
            throw JOSEError(.malformed, "the header is not valid JSON (\(error.code.rawValue))")
        }
        guard case .object(let headerObject) = headerValue else {
            throw JOSEError(.malformed, "the header is not a JSON object")
        }
        return CompactJWS(
            header: try JWSHeader(object: headerObject), headerBytes: headerBytes,
            payload: payload, signature: signature, signingInputLength: secondDot)
    }

    /// Parses `token` and checks its signature with the key the ring selects for it.
    ///
    /// This is signature-level verification only: the payload need not even be JSON.
    /// Returns the parsed token and the key that verified it.
    public static func verifySignature(
        _ token: UnsafeRawBufferPointer, keyRing: KeyRing
    ) throws(JOSEError) -> (jws: CompactJWS, key: SigningKey) {
        let jws = try parse(token)
        let key = try keyRing.resolve(jws.header)
        let signingInput = UnsafeRawBufferPointer(rebasing: token[0..<jws.signingInputLength])
        guard key.isValidSignature(jws.signature, for: signingInput) else {
            throw JOSEError(.badSignature)
        }
        return (jws, key)
    }

    /// `verifySignature` for a token held in a `String`.
    public static func verifySignature(
        _ token: String, keyRing: KeyRing
    ) throws(JOSEError) -> (jws: CompactJWS, key: SigningKey) {
        var token = token
        let result: Result<(jws: CompactJWS, key: SigningKey), JOSEError> = token.withUTF8 {
            utf8 in
            Result { () throws(JOSEError) in
                try verifySignature(UnsafeRawBufferPointer(utf8), keyRing: keyRing)
            }
        }
        return try result.get()
    }

    /// The offsets of exactly two dots, else `malformed` (`memchr`: this runs on every request).
    static func dots(in token: UnsafeRawBufferPointer) throws(JOSEError) -> (Int, Int) {
        guard let first = dot(in: token, from: 0), let second = dot(in: token, from: first + 1),
            dot(in: token, from: second + 1) == nil
        else {
            throw JOSEError(.malformed, "the token does not have exactly three segments")
        }
        return (first, second)
    }

    private static func dot(in token: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start < token.count, let base = token.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(UInt8(ascii: ".")), token.count - start) else {
            return nil
        }
        return base.distance(to: UnsafeRawPointer(found))
    }

    static func decodeSegment(
        _ token: UnsafeRawBufferPointer, _ range: Range<Int>, name: String
    ) throws(JOSEError) -> [UInt8] {
        do {
            return try Base64URL.decode(UnsafeRawBufferPointer(rebasing: token[range]))
        } catch {
            throw JOSEError(.malformed, "the \(name) segment is not valid base64url")
        }
    }
}
