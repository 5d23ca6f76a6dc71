public import AuthLabCrypto

/// A key bound at load time to one `kid` and one algorithm: the key decides the algorithm.
///
/// Material is an HMAC secret, a private key (signs and verifies) or a public key (verifies
/// only). Every initializer checks that the material fits the algorithm's row of the table:
/// HMAC secrets at least as long as the hash output (RFC 7518 §3.2) and not PEM or JWK text,
/// RSA at least 2048 bits, EC on P-256, OKP on Ed25519.
public struct SigningKey: Sendable {
    /// The key id tokens name in their header.
    public let kid: String
    /// The only algorithm this key is used with.
    public let algorithm: JWSAlgorithm
    let material: Material
    /// JWK members read once at load time (base64url values): RFC 7638 required, then private.
    let members: JWKMembers

    enum Material: Sendable {
        /// The secret and its prepared HMAC context (key padding done once, at load time).
        case secret([UInt8], HMACKey)
        case privateKey(PrivateKey, PublicKey)
        case publicKey(PublicKey)
    }

    /// An HMAC key from a secret. `kid` defaults to the RFC 7638 thumbprint.
    public init(secret: [UInt8], algorithm: JWSAlgorithm, kid: String? = nil) throws(JOSEError) {
        guard algorithm.isSymmetric else {
            throw JOSEError(.invalidKey, "\(algorithm.rawValue) does not use a shared secret")
        }
        let minimum = algorithm.properties.minimumKeyBytes
        guard secret.count >= minimum else {
            throw JOSEError(
                .invalidKey,
                "an \(algorithm.rawValue) secret must be at least \(minimum) bytes (RFC 7518 §3.2)"
            )
        }
        guard !HMACSecretPolicy.looksLikePublicKey(secret) else {
            throw JOSEError(
                .invalidKey,
                "the HMAC secret looks like a PEM or JWK key; HMAC needs a random secret")
        }
        let prepared: HMACKey
        do {
            prepared = try HMACKey(algorithm.properties.digest, key: secret)
        } catch {
            throw JOSEError(.invalidKey, "the HMAC key could not be prepared")
        }
        try self.init(checked: .secret(secret, prepared), algorithm: algorithm, kid: kid)
    }

    /// A signing (and verifying) key from a private key of the kind `algorithm` needs.
    public init(privateKey: PrivateKey, algorithm: JWSAlgorithm, kid: String? = nil)
        throws(JOSEError)
    {
        try Self.checkKind(privateKey.kind, publicKey: privateKey.publicKey, for: algorithm)
        try self.init(
            checked: .privateKey(privateKey, privateKey.publicKey), algorithm: algorithm, kid: kid)
    }

    /// A verify-only key from a public key of the kind `algorithm` needs.
    public init(publicKey: PublicKey, algorithm: JWSAlgorithm, kid: String? = nil)
        throws(JOSEError)
    {
        try Self.checkKind(publicKey.kind, publicKey: publicKey, for: algorithm)
        try self.init(checked: .publicKey(publicKey), algorithm: algorithm, kid: kid)
    }

    private init(checked material: Material, algorithm: JWSAlgorithm, kid: String?)
        throws(JOSEError)
    {
        let members = try JWKMembers(material)
        let kid = kid ?? members.thumbprint()
        guard !kid.isEmpty, kid.utf8.count <= 256 else {
            throw JOSEError(.invalidKey, "a kid must be 1 to 256 bytes")
        }
        self.kid = kid
        self.algorithm = algorithm
        self.material = material
        self.members = members
    }

    /// `true` when this key can sign (an HMAC secret or a private key).
    public var canSign: Bool {
        if case .publicKey = material { return false }
        return true
    }

    /// The public half, nil for HMAC keys.
    public var publicKey: PublicKey? {
        switch material {
        case .secret: nil
        case .privateKey(_, let key): key
        case .publicKey(let key): key
        }
    }

    private static func checkKind(
        _ kind: KeyKind, publicKey: PublicKey, for algorithm: JWSAlgorithm
    ) throws(JOSEError) {
        guard let needed = algorithm.keyKind else {
            throw JOSEError(.invalidKey, "\(algorithm.rawValue) needs a secret, not a key pair")
        }
        guard kind == needed else {
            throw JOSEError(
                .invalidKey,
                "\(algorithm.rawValue) needs a \(algorithm.properties.keyType) key on "
                    + "\(algorithm.properties.curve ?? "no curve"); this key is of another kind")
        }
        if needed == .rsa {
            let modulus: ArraySlice<UInt8>
            do {
                modulus = try publicKey.rsaPublicComponents.n.drop { $0 == 0 }
            } catch {
                throw JOSEError(.invalidKey, "the RSA key's modulus could not be read")
            }
            guard modulus.count >= algorithm.properties.minimumKeyBytes else {
                throw JOSEError(.invalidKey, "RSA keys must be at least 2048 bits")
            }
        }
    }
}
