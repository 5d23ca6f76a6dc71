/// A signature algorithm: the JWS `RS*`, `PS*`, `ES256` and `EdDSA` families (RFC 7518, 8037).
public enum SignatureScheme: Sendable, Hashable {
    /// RSASSA-PKCS1-v1_5 (JWS `RS256`/`RS384`/`RS512`).
    case rsaPKCS1v15(DigestAlgorithm)
    /// RSASSA-PSS with MGF1 over the same hash and a salt as long as the hash (JWS `PS*`).
    case rsaPSS(DigestAlgorithm)
    /// ECDSA on P-256 with SHA-256; signatures are raw `r || s`, 64 bytes (JWS `ES256`).
    case ecdsaP256SHA256
    /// Ed25519 (pure EdDSA, JWS `EdDSA` with `crv` `Ed25519`).
    case ed25519

    /// The only key kind this scheme works with.
    public var keyKind: KeyKind {
        switch self {
        case .rsaPKCS1v15, .rsaPSS: .rsa
        case .ecdsaP256SHA256: .ecP256
        case .ed25519: .ed25519
        }
    }

    /// The hash the scheme signs over, or nil when it hashes internally (Ed25519).
    var digest: DigestAlgorithm? {
        switch self {
        case .rsaPKCS1v15(let digest), .rsaPSS(let digest): digest
        case .ecdsaP256SHA256: .sha256
        case .ed25519: nil
        }
    }
}
