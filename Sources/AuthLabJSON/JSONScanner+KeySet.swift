/// Duplicate-key detection without allocating for small objects (the JWT case).
///
/// A 64-bit mask of key hashes answers "certainly new" for most keys; only on a hash
/// collision are the strings compared. Objects past 16 members switch to a `Set`.
struct KeySet {
    private var mask: UInt64 = 0
    private var large: Set<String>? = nil

    /// Records `key` (whose UTF-8 bytes are `utf8`, when at hand); false if `existing` (the
    /// members so far) already has it.
    mutating func insert(
        _ key: String, utf8: UnsafeRawBufferPointer?, existing: [JSONObject.Member]
    ) -> Bool {
        if large != nil {
            return large?.insert(key).inserted == true
        }
        if existing.count >= 16 {
            var set = Set(existing.map(\.key))
            let inserted = set.insert(key).inserted
            large = set
            return inserted
        }
        let hash = utf8.map { Self.hash($0) } ?? Self.hash(key.utf8)
        let bit: UInt64 = 1 << (hash & 63)
        if mask & bit != 0 {
            for member in existing where member.key == key {
                return false
            }
        }
        mask |= bit
        return true
    }

    /// FNV-1a over the UTF-8 bytes.
    private static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}
