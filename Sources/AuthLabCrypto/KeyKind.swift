internal import COpenSSL

/// The asymmetric key types authlab accepts.
public enum KeyKind: String, Sendable, CaseIterable {
    /// RSA, at least 2048 bits.
    case rsa
    /// ECDSA on NIST P-256 (prime256v1), and nothing else.
    case ecP256
    /// Ed25519 (EdDSA over Curve25519).
    case ed25519
}

/// The smallest and largest RSA moduli accepted (the cap bounds verification cost).
let rsaMinimumBits: Int32 = 2048
let rsaMaximumBits: Int32 = 16384

extension KeyKind {
    /// The kind of an `EVP_PKEY`, or `.invalidKey` if it is not one authlab accepts
    /// (RSA-PSS-restricted keys, other curves, RSA under 2048 bits, DSA, X25519, ...).
    static func of(_ pkey: OpaquePointer) throws(CryptoError) -> KeyKind {
        if EVP_PKEY_is_a(pkey, "RSA") == 1 {
            let bits = EVP_PKEY_get_bits(pkey)
            guard bits >= rsaMinimumBits else {
                throw .invalidKey("RSA keys must be at least \(rsaMinimumBits) bits")
            }
            guard bits <= rsaMaximumBits else {
                throw .invalidKey("RSA keys must be at most \(rsaMaximumBits) bits")
            }
            return .rsa
        }
        if EVP_PKEY_is_a(pkey, "EC") == 1 {
            var name = [CChar](repeating: 0, count: 64)
            var length = 0
            guard EVP_PKEY_get_group_name(pkey, &name, name.count, &length) == 1 else {
                clearOpenSSLErrors()
                throw .invalidKey("EC keys must use a named curve (P-256)")
            }
            let group = String(
                decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard group == "prime256v1" || group == "P-256" else {
                throw .invalidKey("EC keys must be on P-256")
            }
            return .ecP256
        }
        if EVP_PKEY_is_a(pkey, "ED25519") == 1 {
            return .ed25519
        }
        throw .invalidKey("unsupported key type (RSA, EC P-256 and Ed25519 are accepted)")
    }
}
