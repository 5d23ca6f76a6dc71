internal import AuthLabJSON

/// Refuses HMAC "secrets" that are really public keys (the key-confusion attack, PyJWT
/// `prepare_key`): PEM blocks, SSH public keys, or a JWK.
enum HMACSecretPolicy {
    static func looksLikePublicKey(_ secret: [UInt8]) -> Bool {
        if contains(secret, "-----BEGIN") { return true }
        let trimmed = secret.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        for prefix in ["ssh-rsa ", "ssh-ed25519 ", "ecdsa-sha2-", "ssh-dss "]
        where trimmed.starts(with: prefix.utf8) {
            return true
        }
        if trimmed.first == UInt8(ascii: "{"), let value = try? JSONParser.parse(Array(trimmed)),
            value["kty"] != nil
        {
            return true
        }
        return false
    }

    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }
}
