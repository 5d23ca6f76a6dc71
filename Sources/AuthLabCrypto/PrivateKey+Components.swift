internal import COpenSSL

/// The RSA private-key parameters of a JWK (RFC 7518 §6.3), big-endian without leading zeros.
public struct RSAPrivateComponents: Sendable, Equatable {
    public var n, e, d, p, q, dp, dq, qi: [UInt8]

    public init(
        n: [UInt8], e: [UInt8], d: [UInt8], p: [UInt8], q: [UInt8], dp: [UInt8], dq: [UInt8],
        qi: [UInt8]
    ) {
        (self.n, self.e, self.d, self.p, self.q) = (n, e, d, p, q)
        (self.dp, self.dq, self.qi) = (dp, dq, qi)
    }
}

/// Import and export of the raw private parameters that JWK (RFC 7518 §6, RFC 8037) carries.
extension PrivateKey {
    /// An RSA private key from its parameters. The CRT values `p`…`qi` come all or none;
    /// with them, OpenSSL checks that they are consistent with `n`, `e` and `d`.
    public static func rsa(
        n: [UInt8], e: [UInt8], d: [UInt8], p: [UInt8]? = nil, q: [UInt8]? = nil,
        dp: [UInt8]? = nil, dq: [UInt8]? = nil, qi: [UInt8]? = nil
    ) throws(CryptoError) -> PrivateKey {
        guard !n.isEmpty, !e.isEmpty, e.count <= 8, !d.isEmpty else {
            throw .invalidKey("RSA n, e and d must be present (e ≤ 64 bits)")
        }
        let builder = try KeyParameterBuilder()
        try builder.addNumber(OSSL_PKEY_PARAM_RSA_N, n)
        try builder.addNumber(OSSL_PKEY_PARAM_RSA_E, e)
        try builder.addNumber(OSSL_PKEY_PARAM_RSA_D, d)
        let crt = [p, q, dp, dq, qi]
        let hasCRT = crt.allSatisfy { $0 != nil }
        guard hasCRT || crt.allSatisfy({ $0 == nil }) else {
            throw .invalidKey("RSA p, q, dp, dq and qi must all be present or all absent")
        }
        if let p, let q, let dp, let dq, let qi {
            try builder.addNumber(RSAParameter.factor1, p)
            try builder.addNumber(RSAParameter.factor2, q)
            try builder.addNumber(RSAParameter.exponent1, dp)
            try builder.addNumber(RSAParameter.exponent2, dq)
            try builder.addNumber(RSAParameter.coefficient1, qi)
        }
        let pkey = try builder.makeKey("RSA", includesPrivate: true)
        return try PrivateKey(taking: pkey, pairwiseCheck: hasCRT)
    }

    /// A P-256 private key from its coordinates and 32-byte scalar; they must match.
    public static func ecP256(x: [UInt8], y: [UInt8], d: [UInt8]) throws(CryptoError)
        -> PrivateKey
    {
        guard x.count == 32, y.count == 32, d.count == 32 else {
            throw .invalidKey("P-256 x, y and d must be 32 bytes each")
        }
        let builder = try KeyParameterBuilder()
        try builder.addString(OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1")
        try builder.addOctets(OSSL_PKEY_PARAM_PUB_KEY, [0x04] + x + y)
        try builder.addNumber(OSSL_PKEY_PARAM_PRIV_KEY, d)
        let pkey = try builder.makeKey("EC", includesPrivate: true)
        return try PrivateKey(taking: pkey, pairwiseCheck: true)
    }

    /// An Ed25519 private key from its 32-byte seed (JWK `d`, RFC 8037).
    public static func ed25519(seed: [UInt8]) throws(CryptoError) -> PrivateKey {
        guard seed.count == 32 else { throw .invalidKey("Ed25519 seeds are 32 bytes") }
        guard let pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count)
        else {
            clearOpenSSLErrors()
            throw .invalidKey("not an Ed25519 seed")
        }
        return try PrivateKey(taking: pkey)
    }

    /// All RSA private parameters (JWK `n`, `e`, `d`, `p`, `q`, `dp`, `dq`, `qi`).
    public var rsaPrivateComponents: RSAPrivateComponents {
        get throws(CryptoError) {
            try require(.rsa, kind)
            func value(_ name: String) throws(CryptoError) -> [UInt8] {
                try bigNumberParameter(pkey, name)
            }
            return RSAPrivateComponents(
                n: try value(OSSL_PKEY_PARAM_RSA_N), e: try value(OSSL_PKEY_PARAM_RSA_E),
                d: try value(OSSL_PKEY_PARAM_RSA_D), p: try value(RSAParameter.factor1),
                q: try value(RSAParameter.factor2),
                dp: try value(RSAParameter.exponent1),
                dq: try value(RSAParameter.exponent2),
                qi: try value(RSAParameter.coefficient1))
        }
    }

    /// The P-256 private scalar, 32 bytes (JWK `d`).
    public var ecPrivateScalar: [UInt8] {
        get throws(CryptoError) {
            try require(.ecP256, kind)
            return try bigNumberParameter(pkey, OSSL_PKEY_PARAM_PRIV_KEY, padded: 32)
        }
    }

    /// The 32-byte Ed25519 seed (JWK `d`).
    public var ed25519Seed: [UInt8] {
        get throws(CryptoError) {
            try require(.ed25519, kind)
            return try rawKey(pkey, EVP_PKEY_get_raw_private_key, "EVP_PKEY_get_raw_private_key")
        }
    }
}

/// RSA CRT parameter names (macros built by string-literal concatenation, which Swift skips).
private enum RSAParameter {
    static let factor1 = "rsa-factor1"
    static let factor2 = "rsa-factor2"
    static let exponent1 = "rsa-exponent1"
    static let exponent2 = "rsa-exponent2"
    static let coefficient1 = "rsa-coefficient1"
}
