import AuthLabCrypto

/// CSRF tokens bound to a session: HMAC-SHA256 of the session's id hash under a
/// server secret. Nothing extra is stored, and a token from one session is
/// worthless in another.
struct CSRF: Sendable {
    let secret: [UInt8]

    /// The token for a session.
    func token(for idHash: [UInt8]) -> String {
        Base64URL.encode(HMAC.authenticate(.sha256, key: secret, message: idHash))
    }

    /// Whether `presented` is the session's token (compared in constant time).
    func verify(_ presented: String?, idHash: [UInt8]) -> Bool {
        guard let presented else { return false }
        return ConstantTime.equals(Array(presented.utf8), Array(token(for: idHash).utf8))
    }
}
