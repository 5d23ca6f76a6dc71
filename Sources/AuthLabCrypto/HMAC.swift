internal import COpenSSL

/// One-shot HMAC (RFC 2104) over SHA-2.
public enum HMAC {
    /// The HMAC of `message` under `key`.
    public static func authenticate(
        _ algorithm: DigestAlgorithm, key: [UInt8], message: UnsafeRawBufferPointer
    ) -> [UInt8] {
        key.withUnsafeBytes { keyBytes in
            guard let context = EVP_MAC_CTX_dup(MACTemplates.shared.template(algorithm)) else {
                preconditionFailure("EVP_MAC_CTX_dup failed (out of memory)")
            }
            defer { EVP_MAC_CTX_free(context) }
            let status = EVP_MAC_init(
                context, (keyBytes.baseAddress ?? emptyInput).assumingMemoryBound(to: UInt8.self),
                keyBytes.count, nil)
            precondition(status == 1, "EVP_MAC_init failed (out of memory)")
            return finish(context, algorithm, message)
        }
    }

    /// The HMAC of `message` under `key`.
    public static func authenticate(_ algorithm: DigestAlgorithm, key: [UInt8], message: [UInt8])
        -> [UInt8]
    {
        message.withUnsafeBytes { authenticate(algorithm, key: key, message: $0) }
    }

    /// Feeds `message` to a keyed context and returns the tag.
    ///
    /// With a fetched HMAC and SHA-2 these calls fail only when memory runs out, which
    /// Swift treats as fatal everywhere else too; no input can make them fail.
    static func finish(
        _ context: OpaquePointer, _ algorithm: DigestAlgorithm, _ message: UnsafeRawBufferPointer
    ) -> [UInt8] {
        let length = algorithm.outputLength
        let updated = EVP_MAC_update(
            context, (message.baseAddress ?? emptyInput).assumingMemoryBound(to: UInt8.self),
            message.count)
        precondition(updated == 1, "EVP_MAC_update failed")
        return [UInt8](unsafeUninitializedCapacity: length) { output, initialized in
            var written = 0
            let status = EVP_MAC_final(context, output.baseAddress, &written, length)
            precondition(status == 1 && written == length, "EVP_MAC_final failed")
            initialized = length
        }
    }
}

/// Unkeyed `EVP_MAC_CTX` templates, one per digest, that each HMAC call duplicates.
///
/// `@unchecked Sendable`: the templates are configured once in `init` and afterwards only
/// read by `EVP_MAC_CTX_dup`, which takes a `const` source and does not mutate it.
struct MACTemplates: @unchecked Sendable {
    private let sha256: OpaquePointer
    private let sha384: OpaquePointer
    private let sha512: OpaquePointer

    static let shared = MACTemplates()

    private init() {
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else {
            preconditionFailure("OpenSSL's default provider has no HMAC")
        }
        defer { EVP_MAC_free(mac) }
        sha256 = Self.make(mac, .sha256)
        sha384 = Self.make(mac, .sha384)
        sha512 = Self.make(mac, .sha512)
    }

    func template(_ algorithm: DigestAlgorithm) -> OpaquePointer {
        switch algorithm {
        case .sha256: sha256
        case .sha384: sha384
        case .sha512: sha512
        }
    }

    private static func make(_ mac: OpaquePointer, _ algorithm: DigestAlgorithm) -> OpaquePointer {
        guard let context = EVP_MAC_CTX_new(mac) else {
            preconditionFailure("EVP_MAC_CTX_new failed")
        }
        // An OSSL_PARAM keeps its key and value pointers, so both C strings must outlive
        // set_params: passing the `OSSL_MAC_PARAM_DIGEST` String directly would hand over a
        // temporary that is freed as soon as the construct call returns (ASan: use after free).
        let status = OSSL_MAC_PARAM_DIGEST.withCString { key in
            algorithm.rawValue.withCString { name in
                let params = [
                    OSSL_PARAM_construct_utf8_string(key, UnsafeMutablePointer(mutating: name), 0),
                    OSSL_PARAM_construct_end(),
                ]
                return EVP_MAC_CTX_set_params(context, params)
            }
        }
        precondition(status == 1, "EVP_MAC_CTX_set_params failed")
        return context
    }
}
