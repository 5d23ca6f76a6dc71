/// The names of authlab's Redis keys, all under one prefix (`authlab:` by default).
///
/// | key | type | holds | expires |
/// |---|---|---|---|
/// | `session:<sha256 hex>` | hash | user_id, username, created_at, expires_at, last_seen_at | at the idle or absolute limit, whichever comes first |
/// | `user:<id>:sessions` | set | the hex ids of the user's sessions | with the last of them |
/// | `refresh:<sha256 hex>` | hash | family, spent | with its family |
/// | `family:<id>` | hash | user_id, username, created_at, expires_at, revoked | at expires_at |
/// | `denied:<jti>` | string | `1` | at the token's exp plus the leeway |
struct RedisKeys: Sendable {
    let prefix: String

    var sessionPrefix: String { prefix + "session:" }
    var userPrefix: String { prefix + "user:" }
    var familyPrefix: String { prefix + "family:" }

    func session(_ idHash: [UInt8]) -> String { sessionPrefix + Hex.encode(idHash) }
    func userSessions(_ userID: Int64) -> String { userPrefix + "\(userID):sessions" }
    func refresh(_ tokenHash: [UInt8]) -> String { prefix + "refresh:" + Hex.encode(tokenHash) }
    func family(_ id: String) -> String { familyPrefix + id }
    func denied(_ jti: String) -> String { prefix + "denied:" + jti }

    /// The bytes of a lower-case hex id read back from Redis; `nil` if it is not one.
    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
