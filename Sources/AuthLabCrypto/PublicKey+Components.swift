internal import COpenSSL

/// Import and export of the raw parameters that JWK (RFC 7518 §6, RFC 8037) carries.
extension PublicKey {
    /// An RSA public key from its big-endian modulus and public exponent.
    public static func rsa(n: [UInt8], e: [UInt8]) throws(CryptoError) -> PublicKey {
        guard !n.isEmpty, !e.isEmpty, e.count <= 8 else {
            throw .invalidKey("RSA modulus and exponent must be present (exponent ≤ 64 bits)")
        }
        let builder = try KeyParameterBuilder()
        try builder.addNumber(OSSL_PKEY_PARAM_RSA_N, n)
        try builder.addNumber(OSSL_PKEY_PARAM_RSA_E, e)
        return try PublicKey(taking: builder.makeKey("RSA", includesPrivate: false))
    }

    /// A P-256 public key from its 32-byte big-endian affine coordinates.
    public static func ecP256(x: [UInt8], y: [UInt8]) throws(CryptoError) -> PublicKey {
        guard x.count == 32, y.count == 32 else {
            throw .invalidKey("P-256 coordinates must be 32 bytes each")
        }
        let builder = try KeyParameterBuilder()
        try builder.addString(OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1")
        try builder.addOctets(OSSL_PKEY_PARAM_PUB_KEY, [0x04] + x + y)
        return try PublicKey(taking: builder.makeKey("EC", includesPrivate: false))
    }

    /// An Ed25519 public key from its 32 raw bytes.
    public static func ed25519(_ raw: [UInt8]) throws(CryptoError) -> PublicKey {
        guard raw.count == 32 else { throw .invalidKey("Ed25519 public keys are 32 bytes") }
        guard let pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, raw, raw.count) else {
            clearOpenSSLErrors()
            throw .invalidKey("not an Ed25519 public key")
        }
        return try PublicKey(taking: pkey)
    }

    /// RSA modulus and public exponent, big-endian without leading zeros (JWK `n`, `e`).
    public var rsaPublicComponents: (n: [UInt8], e: [UInt8]) {
        get throws(CryptoError) {
            try require(.rsa, kind)
            return (
                try bigNumberParameter(pkey, OSSL_PKEY_PARAM_RSA_N),
                try bigNumberParameter(pkey, OSSL_PKEY_PARAM_RSA_E)
            )
        }
    }

    /// P-256 affine coordinates, 32 bytes each (JWK `x`, `y`).
    public var ecPublicCoordinates: (x: [UInt8], y: [UInt8]) {
        get throws(CryptoError) {
            try require(.ecP256, kind)
            return (
                try bigNumberParameter(pkey, OSSL_PKEY_PARAM_EC_PUB_X, padded: 32),
                try bigNumberParameter(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, padded: 32)
            )
        }
    }

    /// The 32 raw bytes of an Ed25519 public key (JWK `x`).
    public var ed25519PublicRaw: [UInt8] {
        get throws(CryptoError) {
            try require(.ed25519, kind)
            return try rawKey(pkey, EVP_PKEY_get_raw_public_key, "EVP_PKEY_get_raw_public_key")
        }
    }
}

/// Throws `.keyMismatch` unless the key is of the expected kind.
func require(_ expected: KeyKind, _ actual: KeyKind) throws(CryptoError) {
    guard expected == actual else {
        throw .keyMismatch("expected a \(expected.rawValue) key, got \(actual.rawValue)")
    }
}

/// Reads a raw (X25519/Ed25519-style) key through `EVP_PKEY_get_raw_{public,private}_key`.
func rawKey(
    _ pkey: OpaquePointer,
    _ get: (OpaquePointer?, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>?) -> Int32,
    _ function: String
) throws(CryptoError) -> [UInt8] {
    var length = 0
    try check(get(pkey, nil, &length), function)
    var bytes = [UInt8](repeating: 0, count: length)
    try check(get(pkey, &bytes, &length), function)
    return Array(bytes.prefix(length))
}
