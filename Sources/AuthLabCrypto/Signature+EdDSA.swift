/// Ed25519 needs no configuration beyond the key: `EVP_DigestSignInit` is given no digest
/// (EdDSA hashes internally with SHA-512), `SignatureScheme.digest` is nil for it, and
/// signatures are the 64 raw bytes of RFC 8032. This file records that on purpose.
extension SignatureScheme {
    /// The length of every Ed25519 signature.
    public static let ed25519SignatureLength = 64
}
