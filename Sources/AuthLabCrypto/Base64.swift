/// Standard-alphabet base64 without padding, as the PHC string format uses it.
public enum Base64 {
    /// Encodes bytes with the standard alphabet and no `=` padding.
    public static func encodeUnpadded(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { Base64Codec.standard.encodeString($0) }
    }

    /// Decodes unpadded standard base64 strictly (no padding, whitespace or stray bits).
    public static func decodeUnpadded(_ string: some StringProtocol) throws(CryptoError) -> [UInt8]
    {
        try Array(string.utf8).withBytes { raw throws(CryptoError) in
            try Base64Codec.standard.decode(raw)
        }
    }
}
