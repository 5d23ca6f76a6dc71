internal import COpenSSL

extension PrivateKey {
    /// Signs `message`. ECDSA output is raw `r || s` (64 bytes), as JWS wants.
    /// Throws `.keyMismatch` if the scheme does not fit this key.
    public func sign(_ scheme: SignatureScheme, message: UnsafeRawBufferPointer)
        throws(CryptoError) -> [UInt8]
    {
        try require(scheme.keyKind, kind)
        guard let context = EVP_MD_CTX_new() else { throw opensslError("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        var keyContext: OpaquePointer?
        try check(
            EVP_DigestSignInit(context, &keyContext, scheme.digest?.evpMD, nil, pkey),
            "EVP_DigestSignInit")
        if let keyContext {
            try configureRSA(keyContext, scheme)
        }
        let input = (message.baseAddress ?? emptyInput).assumingMemoryBound(to: UInt8.self)
        var length = 0
        try check(EVP_DigestSign(context, nil, &length, input, message.count), "EVP_DigestSign")
        var signature = [UInt8](repeating: 0, count: length)
        try check(
            EVP_DigestSign(context, &signature, &length, input, message.count), "EVP_DigestSign")
        signature.removeLast(signature.count - min(length, signature.count))
        if case .ecdsaP256SHA256 = scheme {
            return try ECDSASignature.raw(fromDER: signature)
        }
        return signature
    }

    /// Signs `message`. ECDSA output is raw `r || s` (64 bytes), as JWS wants.
    public func sign(_ scheme: SignatureScheme, message: [UInt8]) throws(CryptoError) -> [UInt8] {
        try message.withBytes { raw throws(CryptoError) in try sign(scheme, message: raw) }
    }
}

extension PublicKey {
    /// Whether `signature` is valid for `message` under this key and scheme.
    ///
    /// False, without touching OpenSSL, when the scheme does not fit the key or an ECDSA
    /// signature is not exactly 64 bytes or has `r` or `s` zero.
    public func verify(
        _ scheme: SignatureScheme, signature: [UInt8], message: UnsafeRawBufferPointer
    ) -> Bool {
        guard scheme.keyKind == kind else { return false }
        if case .ecdsaP256SHA256 = scheme {
            guard let der = ECDSASignature.der(fromRaw: signature) else { return false }
            return verifyEncoded(scheme, der, message)
        }
        return verifyEncoded(scheme, signature, message)
    }

    /// Whether `signature` is valid for `message` under this key and scheme.
    public func verify(_ scheme: SignatureScheme, signature: [UInt8], message: [UInt8]) -> Bool {
        message.withUnsafeBytes { verify(scheme, signature: signature, message: $0) }
    }

    /// One `EVP_DigestVerify` with the scheme's padding; any failure is just `false`.
    private func verifyEncoded(
        _ scheme: SignatureScheme, _ signature: [UInt8], _ message: UnsafeRawBufferPointer
    ) -> Bool {
        guard let context = EVP_MD_CTX_new() else {
            clearOpenSSLErrors()
            return false
        }
        defer { EVP_MD_CTX_free(context) }
        var keyContext: OpaquePointer?
        guard EVP_DigestVerifyInit(context, &keyContext, scheme.digest?.evpMD, nil, pkey) == 1
        else {
            clearOpenSSLErrors()
            return false
        }
        if let keyContext {
            do { try configureRSA(keyContext, scheme) } catch { return false }
        }
        let input = (message.baseAddress ?? emptyInput).assumingMemoryBound(to: UInt8.self)
        let valid = EVP_DigestVerify(context, signature, signature.count, input, message.count)
        if valid != 1 { clearOpenSSLErrors() }
        return valid == 1
    }
}
