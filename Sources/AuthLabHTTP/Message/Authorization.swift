/// Reads credentials from an `Authorization` request header value.
public enum Authorization {
    /// The token of a credential whose scheme is `Bearer` (any case), per RFC 6750 §2.1:
    /// `Bearer`, one space, then the token after any further spaces. `nil` for anything
    /// else: no header, another scheme, an empty token, or a token holding a space.
    public static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let utf8 = header.utf8
        guard utf8.count > 7,
            utf8.prefix(6).elementsEqual("bearer".utf8, by: { ($0 | 0x20) == $1 }),
            utf8.dropFirst(6).first == UInt8(ascii: " ")
        else { return nil }
        let token = utf8.dropFirst(7).drop { $0 == UInt8(ascii: " ") }
        guard !token.isEmpty, !token.contains(UInt8(ascii: " ")) else { return nil }
        return String(decoding: token, as: UTF8.self)
    }
}
