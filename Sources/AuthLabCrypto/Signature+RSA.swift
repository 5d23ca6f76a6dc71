internal import COpenSSL

/// Sets RSA padding on a signing or verifying context; a no-op for other schemes.
///
/// PSS follows RFC 7518 §3.5: MGF1 with the signature hash, salt length equal to the
/// hash length (and verification demands exactly that length).
func configureRSA(_ keyContext: OpaquePointer, _ scheme: SignatureScheme) throws(CryptoError) {
    switch scheme {
    case .rsaPKCS1v15:
        try check(
            EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING),
            "EVP_PKEY_CTX_set_rsa_padding")
    case .rsaPSS(let digest):
        try check(
            EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING),
            "EVP_PKEY_CTX_set_rsa_padding")
        try check(
            EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST),
            "EVP_PKEY_CTX_set_rsa_pss_saltlen")
        try check(
            EVP_PKEY_CTX_set_rsa_mgf1_md(keyContext, digest.evpMD),
            "EVP_PKEY_CTX_set_rsa_mgf1_md")
    case .ecdsaP256SHA256, .ed25519:
        break
    }
}
