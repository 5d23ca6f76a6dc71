internal import COpenSSL

/// Bytes from OpenSSL's CSPRNG (seeded from the operating system).
public enum SecureRandom {
    /// `count` random bytes; throws `.randomFailure` if the generator cannot deliver.
    public static func bytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        precondition(count >= 0, "a byte count is never negative")
        guard count > 0 else { return [] }
        var failed = false
        let result = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var offset = 0
            while offset < count {
                let chunk = min(count - offset, Int(Int32.max))
                guard RAND_bytes(buffer.baseAddress.map { $0 + offset }, Int32(chunk)) == 1 else {
                    failed = true
                    break
                }
                offset += chunk
            }
            initialized = failed ? 0 : count
        }
        guard !failed else {
            clearOpenSSLErrors()
            throw .randomFailure
        }
        return result
    }
}
