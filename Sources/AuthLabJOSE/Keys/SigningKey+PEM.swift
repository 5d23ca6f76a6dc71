internal import AuthLabCrypto

extension SigningKey {
    /// A key from PEM text: a private key (PKCS#8 or traditional) signs, a public key (SPKI)
    /// only verifies. HMAC algorithms refuse PEM outright (key confusion). `kid` defaults to
    /// the RFC 7638 thumbprint.
    public init(pem: String, algorithm: JWSAlgorithm, kid: String? = nil) throws(JOSEError) {
        guard !algorithm.isSymmetric else {
            throw JOSEError(
                .invalidKey, "\(algorithm.rawValue) needs a random secret, not a PEM key")
        }
        if pem.contains("PRIVATE KEY-----") {
            let key: PrivateKey
            do {
                key = try PrivateKey(pem: pem)
            } catch {
                throw JOSEError(.invalidKey, "the PEM private key could not be read")
            }
            try self.init(privateKey: key, algorithm: algorithm, kid: kid)
        } else {
            let key: PublicKey
            do {
                key = try PublicKey(pem: pem)
            } catch {
                throw JOSEError(.invalidKey, "the PEM public key could not be read")
            }
            try self.init(publicKey: key, algorithm: algorithm, kid: kid)
        }
    }

    /// A fresh random key for `algorithm`: a secret of the hash's output length for HMAC,
    /// RSA 2048, P-256 or Ed25519. `kid` defaults to the RFC 7638 thumbprint.
    public static func generate(_ algorithm: JWSAlgorithm, kid: String? = nil) throws(JOSEError)
        -> SigningKey
    {
        do {
            if let kind = algorithm.keyKind {
                let key = try PrivateKey.generate(kind)
                return try SigningKey(privateKey: key, algorithm: algorithm, kid: kid)
            }
            let secret = try SecureRandom.bytes(algorithm.properties.minimumKeyBytes)
            return try SigningKey(secret: secret, algorithm: algorithm, kid: kid)
        } catch let error as JOSEError {
            throw error
        } catch {
            throw JOSEError(.invalidKey, "a new key could not be generated")
        }
    }
}
