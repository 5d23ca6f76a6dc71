/// The keys a service trusts: the first one signs, every one verifies (key rotation).
///
/// Kids are unique, so a token's `kid` selects at most one key, and that key's algorithm is
/// the only one the token may use.
public struct KeyRing: Sendable {
    /// All keys, the signing key first.
    public let keys: [SigningKey]

    /// A ring of `keys`: not empty, kids unique.
    public init(_ keys: [SigningKey]) throws(JOSEError) {
        guard !keys.isEmpty else { throw JOSEError(.invalidKey, "the key ring is empty") }
        var kids = Set<String>()
        for key in keys where !kids.insert(key.kid).inserted {
            throw JOSEError(.invalidKey, "two keys in the ring share a kid")
        }
        self.keys = keys
    }

    /// The key new tokens are signed with.
    public var signingKey: SigningKey { keys[0] }

    /// The key named `kid`; with no kid, the only key of a one-key ring.
    public func key(kid: String?) -> SigningKey? {
        guard let kid else { return keys.count == 1 ? keys[0] : nil }
        for key in keys where key.kid == kid {
            return key
        }
        return nil
    }

    /// Selects the key for a token header: alg must be in the table, the kid must name a key
    /// (or be absent with exactly one key), and alg must equal that key's algorithm.
    func resolve(_ header: JWSHeader) throws(JOSEError) -> SigningKey {
        guard let algorithm = header.algorithm else {
            throw JOSEError(.algNotAllowed, "the token's alg is not an accepted algorithm")
        }
        guard let key = key(kid: header.kid) else {
            if header.kid == nil {
                throw JOSEError(
                    .unknownKid, "the token has no kid and the key ring has several keys")
            }
            throw JOSEError(.unknownKid)
        }
        guard key.algorithm == algorithm else {
            throw JOSEError(
                .algNotAllowed, "the token's alg is not the algorithm bound to its key")
        }
        return key
    }
}
