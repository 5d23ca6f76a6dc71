public import AuthLabCrypto

/// The first non-nil result of up to `attempts` calls of `body`.
///
/// For loaders whose verdict OpenSSL randomizes (see `RandomizedCheck`): a real disagreement
/// between two loaders fails every attempt.
public func firstSuccess<T>(attempts: Int = 5, _ body: () -> T?) -> T? {
    for _ in 0..<attempts {
        if let value = body() { return value }
    }
    return nil
}

/// OpenSSL 3.0 checks an RSA public key (`EVP_PKEY_public_check`, SP 800-56B) with a
/// Miller-Rabin test on random bases. For a real RSA modulus it always passes, but for a
/// bogus one that the fuzzer made it can fail one load in three and pass the next, so a key
/// that loaded once may not load again.
public enum RandomizedCheck {
    /// Whether loading `keys` again is refused at least once in 64 tries (RSA keys only).
    public static func refusesSometimes(_ keys: [PublicKey?]) -> Bool {
        for case let key? in keys where key.kind == .rsa {
            guard let pem = try? key.pem() else { continue }
            for _ in 0..<64 where (try? PublicKey(pem: pem)) == nil {
                return true
            }
        }
        return false
    }
}
