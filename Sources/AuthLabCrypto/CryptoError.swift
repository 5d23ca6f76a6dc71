/// An error from AuthLabCrypto, with a stable `code` and human text free of key material.
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An OpenSSL call failed; `reason` is OpenSSL's own reason string for the first queued error.
    case openssl(function: String, reason: String)
    /// Key material was unusable: wrong type, wrong curve, too small, or malformed.
    case invalidKey(String)
    /// Bytes were not valid in the expected encoding (base64url, base64, PEM, DER).
    case invalidEncoding
    /// The operating system's random generator failed.
    case randomFailure
    /// libargon2 reported an error; the text is libargon2's message for the code.
    case argon2(String)
    /// A PHC string could not be parsed.
    case invalidPHC(String)
    /// Argon2 parameters were outside the accepted bounds (a hostile or corrupt hash).
    case unsafeParameters(String)
    /// A signature scheme was used with a key it does not apply to.
    case keyMismatch(String)

    /// A short machine-readable identifier that never changes.
    public var code: String {
        switch self {
        case .openssl: "openssl_error"
        case .invalidKey: "invalid_key"
        case .invalidEncoding: "invalid_encoding"
        case .randomFailure: "random_failure"
        case .argon2: "argon2_error"
        case .invalidPHC: "invalid_phc"
        case .unsafeParameters: "unsafe_parameters"
        case .keyMismatch: "key_mismatch"
        }
    }

    /// Human-readable text for logs; never includes secrets or key bytes.
    public var description: String {
        switch self {
        case .openssl(let function, let reason): "OpenSSL \(function) failed: \(reason)"
        case .invalidKey(let why): "invalid key: \(why)"
        case .invalidEncoding: "invalid encoding"
        case .randomFailure: "the system random generator failed"
        case .argon2(let why): "argon2 failed: \(why)"
        case .invalidPHC(let why): "invalid PHC string: \(why)"
        case .unsafeParameters(let why): "argon2 parameters out of bounds: \(why)"
        case .keyMismatch(let why): "key does not fit the scheme: \(why)"
        }
    }
}
