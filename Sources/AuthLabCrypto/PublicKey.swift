internal import COpenSSL

/// An RSA (≥ 2048 bits), EC P-256 or Ed25519 public key that verifies signatures.
///
/// `@unchecked Sendable`: the `EVP_PKEY` is never mutated after `init`, and every
/// operation makes its own `EVP_MD_CTX`/`EVP_PKEY_CTX`; OpenSSL 3 documents a
/// shared `EVP_PKEY` as safe for concurrent use in that pattern (its internal
/// caches are lock-protected).
public final class PublicKey: @unchecked Sendable, Equatable {
    /// The key type.
    public let kind: KeyKind
    let pkey: OpaquePointer

    /// Takes ownership of `pkey` if it is an acceptable key; frees it and throws otherwise.
    init(taking pkey: OpaquePointer) throws(CryptoError) {
        do throws(CryptoError) {
            kind = try KeyKind.of(pkey)
            if kind != .ed25519 {
                try checkPublic(pkey)
            }
        } catch {
            EVP_PKEY_free(pkey)
            throw error
        }
        self.pkey = pkey
    }

    deinit {
        EVP_PKEY_free(pkey)
    }

    /// Whether both keys hold the same public key.
    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool {
        let equal = EVP_PKEY_eq(lhs.pkey, rhs.pkey) == 1
        clearOpenSSLErrors()
        return equal
    }

    /// Reads a PEM `PUBLIC KEY` (SubjectPublicKeyInfo) document.
    public convenience init(pem: String) throws(CryptoError) {
        let pkey = try pem.withUTF8Bytes { bytes throws(CryptoError) in
            try withReadBIO(bytes) { bio throws(CryptoError) in
                guard let pkey = PEM_read_bio_PUBKEY(bio, nil, refusePassphrase, nil) else {
                    clearOpenSSLErrors()
                    throw CryptoError.invalidKey("not a PEM public key (SubjectPublicKeyInfo)")
                }
                return pkey
            }
        }
        try self.init(taking: pkey)
    }

    /// The key as a PEM `PUBLIC KEY` (SubjectPublicKeyInfo) document.
    public func pem() throws(CryptoError) -> String {
        try writeToString("PEM_write_bio_PUBKEY") { PEM_write_bio_PUBKEY($0, pkey) }
    }
}

/// Runs OpenSSL's public-key consistency check (RSA modulus/exponent, EC point on curve).
private func checkPublic(_ pkey: OpaquePointer) throws(CryptoError) {
    guard let context = EVP_PKEY_CTX_new_from_pkey(nil, pkey, nil) else {
        throw opensslError("EVP_PKEY_CTX_new_from_pkey")
    }
    defer { EVP_PKEY_CTX_free(context) }
    guard EVP_PKEY_public_check(context) == 1 else {
        clearOpenSSLErrors()
        throw .invalidKey("the public key fails OpenSSL's consistency check")
    }
}

/// A PEM passphrase callback that refuses: encrypted keys fail instead of prompting a terminal.
let refusePassphrase:
    @convention(c) (
        UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?
    ) -> Int32 = { _, _, _, _ in -1 }
