internal import COpenSSL

/// An RSA (≥ 2048 bits), EC P-256 or Ed25519 private key that signs.
///
/// `@unchecked Sendable`: the `EVP_PKEY` is never mutated after `init`, and every
/// operation makes its own `EVP_MD_CTX`/`EVP_PKEY_CTX`; OpenSSL 3 documents a
/// shared `EVP_PKEY` as safe for concurrent use in that pattern (its internal
/// caches are lock-protected).
public final class PrivateKey: @unchecked Sendable {
    /// The key type.
    public let kind: KeyKind
    /// The matching public key (a separate object holding no private material).
    public let publicKey: PublicKey
    let pkey: OpaquePointer

    /// Takes ownership of `pkey` if it is an acceptable private key; frees it and throws
    /// otherwise. `pairwiseCheck` confirms the public half matches the private half.
    init(taking pkey: OpaquePointer, pairwiseCheck: Bool = false) throws(CryptoError) {
        do throws(CryptoError) {
            kind = try KeyKind.of(pkey)
            if pairwiseCheck {
                try checkPairwise(pkey)
            }
            publicKey = try PublicKey(taking: publicCopy(of: pkey))
        } catch {
            EVP_PKEY_free(pkey)
            throw error
        }
        self.pkey = pkey
    }

    deinit {
        EVP_PKEY_free(pkey)
    }

    /// A fresh random key: RSA 2048 bits, EC P-256 or Ed25519.
    public static func generate(_ kind: KeyKind) throws(CryptoError) -> PrivateKey {
        let name =
            switch kind {
            case .rsa: "RSA"
            case .ecP256: "EC"
            case .ed25519: "ED25519"
            }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, name, nil) else {
            throw opensslError("EVP_PKEY_CTX_new_from_name")
        }
        defer { EVP_PKEY_CTX_free(context) }
        try check(EVP_PKEY_keygen_init(context), "EVP_PKEY_keygen_init")
        switch kind {
        case .rsa:
            try check(
                EVP_PKEY_CTX_set_rsa_keygen_bits(context, rsaMinimumBits),
                "EVP_PKEY_CTX_set_rsa_keygen_bits")
        case .ecP256:
            try check(
                EVP_PKEY_CTX_set_group_name(context, "prime256v1"), "EVP_PKEY_CTX_set_group_name")
        case .ed25519:
            break
        }
        var pkey: OpaquePointer?
        guard EVP_PKEY_generate(context, &pkey) == 1, let pkey else {
            throw opensslError("EVP_PKEY_generate")
        }
        return try PrivateKey(taking: pkey)
    }
}

/// A new `EVP_PKEY` with only the public half of `pkey` (via SubjectPublicKeyInfo DER).
private func publicCopy(of pkey: OpaquePointer) throws(CryptoError) -> OpaquePointer {
    var der: UnsafeMutablePointer<UInt8>?
    let length = i2d_PUBKEY(pkey, &der)
    guard length > 0, let der else { throw opensslError("i2d_PUBKEY") }
    defer { COpenSSL_free(der) }
    var cursor: UnsafePointer<UInt8>? = UnsafePointer(der)
    guard let copy = d2i_PUBKEY(nil, &cursor, Int(length)) else {
        throw opensslError("d2i_PUBKEY")
    }
    return copy
}

/// Confirms that an imported key pair is consistent (EC: d·G = (x, y); RSA: n = p·q, ...).
private func checkPairwise(_ pkey: OpaquePointer) throws(CryptoError) {
    guard let context = EVP_PKEY_CTX_new_from_pkey(nil, pkey, nil) else {
        throw opensslError("EVP_PKEY_CTX_new_from_pkey")
    }
    defer { EVP_PKEY_CTX_free(context) }
    guard EVP_PKEY_pairwise_check(context) == 1 else {
        clearOpenSSLErrors()
        throw .invalidKey("the private and public components do not match")
    }
}
