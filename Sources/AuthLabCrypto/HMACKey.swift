internal import COpenSSL

/// An HMAC key prepared once (key padding done up front) for fast repeated tagging.
///
/// `@unchecked Sendable`: the keyed `EVP_MAC_CTX` is set up in `init` and afterwards only
/// duplicated (`EVP_MAC_CTX_dup` reads a `const` source); each call works on its own copy.
public final class HMACKey: @unchecked Sendable {
    /// The hash this key is bound to.
    public let algorithm: DigestAlgorithm
    private let keyed: OpaquePointer

    /// Prepares `key` for HMAC with `algorithm`.
    public init(_ algorithm: DigestAlgorithm, key: [UInt8]) throws(CryptoError) {
        guard let context = EVP_MAC_CTX_dup(MACTemplates.shared.template(algorithm)) else {
            throw opensslError("EVP_MAC_CTX_dup")
        }
        let status = key.withUnsafeBytes { raw in
            EVP_MAC_init(
                context, (raw.baseAddress ?? emptyInput).assumingMemoryBound(to: UInt8.self),
                raw.count, nil)
        }
        guard status == 1 else {
            EVP_MAC_CTX_free(context)
            throw opensslError("EVP_MAC_init")
        }
        self.algorithm = algorithm
        self.keyed = context
    }

    deinit {
        EVP_MAC_CTX_free(keyed)
    }

    /// The HMAC of `message`.
    public func authenticate(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        guard let context = EVP_MAC_CTX_dup(keyed) else {
            preconditionFailure("EVP_MAC_CTX_dup failed (out of memory)")
        }
        defer { EVP_MAC_CTX_free(context) }
        return HMAC.finish(context, algorithm, message)
    }

    /// The HMAC of `message`.
    public func authenticate(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBytes { authenticate($0) }
    }

    /// Whether `tag` is the HMAC of `message`, compared in constant time.
    public func isValid(tag: [UInt8], for message: UnsafeRawBufferPointer) -> Bool {
        ConstantTime.equals(authenticate(message), tag)
    }
}
