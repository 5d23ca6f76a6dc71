/// Unpadded base64url (RFC 4648 §5) as JOSE uses it: strict decoding, table-driven both ways.
public enum Base64URL {
    /// Encodes bytes as an unpadded base64url string.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        if let encoded = bytes.withContiguousStorageIfAvailable({
            Base64Codec.url.encodeString(UnsafeRawBufferPointer($0))
        }) {
            return encoded
        }
        return Array(bytes).withUnsafeBytes { Base64Codec.url.encodeString($0) }
    }

    /// Encodes raw memory as an unpadded base64url string.
    public static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        Base64Codec.url.encodeString(bytes)
    }

    /// Encodes bytes as the ASCII bytes of unpadded base64url.
    public static func encodeBytes(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        if let encoded = bytes.withContiguousStorageIfAvailable({
            Base64Codec.url.encodeBytes(UnsafeRawBufferPointer($0))
        }) {
            return encoded
        }
        return Array(bytes).withUnsafeBytes { Base64Codec.url.encodeBytes($0) }
    }

    /// Encodes raw memory as the ASCII bytes of unpadded base64url.
    public static func encodeBytes(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        Base64Codec.url.encodeBytes(bytes)
    }

    /// The length of the unpadded encoding of `count` bytes.
    public static func encodedLength(_ count: Int) -> Int {
        Base64Codec.encodedLength(count)
    }

    /// Decodes strict unpadded base64url, throwing `.invalidEncoding` for anything else.
    public static func decode(_ string: String) throws(CryptoError) -> [UInt8] {
        try string.withUTF8Bytes { raw throws(CryptoError) in try Base64Codec.url.decode(raw) }
    }

    /// Decodes strict unpadded base64url from ASCII bytes.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(CryptoError) -> [UInt8] {
        try Base64Codec.url.decode(bytes)
    }

    /// Decodes strict unpadded base64url from ASCII bytes.
    public static func decode(_ bytes: [UInt8]) throws(CryptoError) -> [UInt8] {
        try bytes.withBytes { raw throws(CryptoError) in try Base64Codec.url.decode(raw) }
    }
}
