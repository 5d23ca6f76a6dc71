/// The first non-nil result of up to `attempts` calls of `body`.
///
/// For loaders whose verdict is randomized: OpenSSL 3.0 checks an RSA public key with a
/// Miller-Rabin test on random bases, so a bogus modulus that the fuzzer made can pass one
/// load and fail the next (about one time in a hundred). A real disagreement between two
/// loaders fails every attempt.
public func firstSuccess<T>(attempts: Int = 5, _ body: () -> T?) -> T? {
    for _ in 0..<attempts {
        if let value = body() { return value }
    }
    return nil
}
