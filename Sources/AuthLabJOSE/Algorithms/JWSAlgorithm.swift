public import AuthLabCrypto

/// The one table of JWS algorithms authlab accepts (RFC 7518, RFC 8037). There is no `none`.
///
/// Each row says which key type, curve, hash and minimum key size the algorithm needs, so a
/// `SigningKey` can refuse material that does not fit its algorithm when it is loaded.
public enum JWSAlgorithm: String, CaseIterable, Sendable {
    case hs256 = "HS256"
    case hs384 = "HS384"
    case hs512 = "HS512"
    case rs256 = "RS256"
    case ps256 = "PS256"
    case es256 = "ES256"
    case edDSA = "EdDSA"

    /// How signatures are made.
    public enum Family: Sendable {
        case hmac
        case rsaPKCS1
        case rsaPSS
        case ecdsa
        case eddsa
    }

    /// The row of the table for this algorithm.
    public struct Properties: Sendable {
        /// Signature family.
        public let family: Family
        /// Hash function (EdDSA hashes internally; SHA-512 is listed for completeness).
        public let digest: DigestAlgorithm
        /// JWK `kty` of keys for this algorithm.
        public let keyType: String
        /// JWK `crv`, for EC and OKP keys.
        public let curve: String?
        /// Minimum key size in bytes: HMAC secret length (RFC 7518 §3.2), RSA modulus length.
        public let minimumKeyBytes: Int
    }

    /// This algorithm's row of the table.
    public var properties: Properties {
        switch self {
        case .hs256:
            Properties(
                family: .hmac, digest: .sha256, keyType: "oct", curve: nil, minimumKeyBytes: 32)
        case .hs384:
            Properties(
                family: .hmac, digest: .sha384, keyType: "oct", curve: nil, minimumKeyBytes: 48)
        case .hs512:
            Properties(
                family: .hmac, digest: .sha512, keyType: "oct", curve: nil, minimumKeyBytes: 64)
        case .rs256:
            Properties(
                family: .rsaPKCS1, digest: .sha256, keyType: "RSA", curve: nil, minimumKeyBytes: 256
            )
        case .ps256:
            Properties(
                family: .rsaPSS, digest: .sha256, keyType: "RSA", curve: nil, minimumKeyBytes: 256)
        case .es256:
            Properties(
                family: .ecdsa, digest: .sha256, keyType: "EC", curve: "P-256", minimumKeyBytes: 32)
        case .edDSA:
            Properties(
                family: .eddsa, digest: .sha512, keyType: "OKP", curve: "Ed25519",
                minimumKeyBytes: 32)
        }
    }

    /// The signature family.
    public var family: Family { properties.family }

    /// `true` for the HMAC algorithms (symmetric keys).
    public var isSymmetric: Bool { family == .hmac }

    /// The asymmetric key kind this algorithm needs, nil for HMAC.
    public var keyKind: KeyKind? {
        switch family {
        case .hmac: nil
        case .rsaPKCS1, .rsaPSS: .rsa
        case .ecdsa: .ecP256
        case .eddsa: .ed25519
        }
    }

    /// The AuthLabCrypto signature scheme, nil for HMAC.
    public var signatureScheme: SignatureScheme? {
        switch family {
        case .hmac: nil
        case .rsaPKCS1: .rsaPKCS1v15(properties.digest)
        case .rsaPSS: .rsaPSS(properties.digest)
        case .ecdsa: .ecdsaP256SHA256
        case .eddsa: .ed25519
        }
    }

    /// Looks up a header or JWK `alg` value exactly (case-sensitive, RFC 7515 §4.1.1).
    ///
    /// Anything not in the table, including `none` in any casing, gives nil.
    public init?(headerValue: String) {
        self.init(rawValue: headerValue)
    }
}
