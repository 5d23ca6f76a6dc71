internal import COpenSSL

/// One-shot SHA-2 digests.
public enum Digest {
    /// The digest of `bytes`.
    public static func hash(_ algorithm: DigestAlgorithm, _ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { hash(algorithm, $0) }
    }

    /// The digest of the UTF-8 bytes of `string`.
    public static func hash(_ algorithm: DigestAlgorithm, _ string: String) -> [UInt8] {
        var string = string
        return string.withUTF8 { hash(algorithm, UnsafeRawBufferPointer($0)) }
    }

    /// The digest of raw memory.
    public static func hash(_ algorithm: DigestAlgorithm, _ bytes: UnsafeRawBufferPointer)
        -> [UInt8]
    {
        let length = algorithm.outputLength
        return [UInt8](unsafeUninitializedCapacity: length) { output, initialized in
            var written: UInt32 = 0
            let status = EVP_Digest(
                bytes.baseAddress ?? emptyInput, bytes.count, output.baseAddress, &written,
                algorithm.evpMD, nil)
            // Digests of in-memory bytes with a fetched SHA-2 fail only when memory runs
            // out, which Swift treats as fatal everywhere else too.
            precondition(status == 1 && Int(written) == length, "EVP_Digest failed")
            initialized = length
        }
    }
}

/// A valid pointer for zero-length input (OpenSSL rejects NULL even with length 0 in places).
nonisolated(unsafe) let emptyInput = UnsafeRawPointer(
    UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1))
