internal import COpenSSL

extension PrivateKey {
    /// Reads an unencrypted PEM private key: PKCS#8 `PRIVATE KEY`, or traditional
    /// `RSA PRIVATE KEY` / `EC PRIVATE KEY`. Encrypted keys are refused, never prompted for.
    /// Like a JWK import, the parts must agree (pairwise check): an RSA key whose CRT values do
    /// not match d, or an EC key whose stored public point is not d·G, is `invalid_key`.
    public convenience init(pem: String) throws(CryptoError) {
        let pkey = try pem.withUTF8Bytes { bytes throws(CryptoError) in
            try withReadBIO(bytes) { bio throws(CryptoError) in
                guard let pkey = PEM_read_bio_PrivateKey(bio, nil, refusePassphrase, nil) else {
                    clearOpenSSLErrors()
                    throw CryptoError.invalidKey("not an unencrypted PEM private key")
                }
                return pkey
            }
        }
        try self.init(taking: pkey, pairwiseCheck: true)
    }

    /// The key as an unencrypted PKCS#8 PEM `PRIVATE KEY` document.
    public func pemPKCS8() throws(CryptoError) -> String {
        try writeToString("PEM_write_bio_PKCS8PrivateKey") {
            PEM_write_bio_PKCS8PrivateKey($0, pkey, nil, nil, 0, nil, nil)
        }
    }
}
