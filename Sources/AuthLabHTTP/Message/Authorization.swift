#if canImport(Glibc)
    internal import Glibc
#endif

/// Reads credentials from an `Authorization` request header value.
public enum Authorization {
    /// The token of a credential whose scheme is `Bearer` (any case), per RFC 6750 §2.1:
    /// `Bearer`, one space, then the token after any further spaces. `nil` for anything
    /// else: no header, another scheme, an empty token, or a token holding a space.
    public static func bearerToken(_ header: String?) -> String? {
        guard var header else { return nil }
        return header.withUTF8 { bytes -> String? in
            guard bytes.count > 7, bytes[6] == UInt8(ascii: " ") else { return nil }
            for (index, letter) in "bearer".utf8.enumerated() where bytes[index] | 0x20 != letter {
                return nil
            }
            var start = 7
            while start < bytes.count && bytes[start] == UInt8(ascii: " ") { start += 1 }
            let token = UnsafeBufferPointer(rebasing: bytes[start...])
            guard !token.isEmpty,
                let base = token.baseAddress,
                memchr(base, Int32(UInt8(ascii: " ")), token.count) == nil
            else { return nil }
            return String(decoding: token, as: UTF8.self)
        }
    }
}
