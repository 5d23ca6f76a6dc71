/// Header and claim names packed into an integer, so the hot path dispatches on member names
/// with one integer switch instead of a chain of string comparisons.
enum MemberName: UInt32 {
    // Registered claims (RFC 7519 §4.1) and authlab's `name`.
    case iss = 0x69_7373
    case sub = 0x73_7562
    case aud = 0x61_7564
    case exp = 0x65_7870
    case nbf = 0x6E_6266
    case iat = 0x69_6174
    case jti = 0x6A_7469
    case name = 0x6E61_6D65
    // Header parameters (RFC 7515 §4.1).
    case alg = 0x61_6C67
    case kid = 0x6B_6964
    case typ = 0x74_7970
    case cty = 0x63_7479
    case crit = 0x6372_6974
    case jwk = 0x6A_776B
    case jku = 0x6A_6B75
    case x5u = 0x78_3575
    case x5c = 0x78_3563

    /// The name of `key`, if it is one of the above (exact bytes, case-sensitive).
    @inline(__always)
    init?(_ key: String) {
        self.init(rawValue: Self.pack(key))
    }

    /// Up to four non-NUL UTF-8 bytes, big-endian; 0 (never a case) for anything else.
    @inline(__always)
    static func pack(_ key: String) -> UInt32 {
        var code: UInt32 = 0
        var count = 0
        for byte in key.utf8 {
            count += 1
            guard count <= 4, byte != 0 else { return 0 }
            code = code << 8 | UInt32(byte)
        }
        return code
    }
}
