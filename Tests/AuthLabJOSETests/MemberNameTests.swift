import Testing

@testable import AuthLabJOSE

@Suite("MemberName")
struct MemberNameTests {
    @Test("each packed constant is exactly its name's bytes; near misses do not match")
    func constants() {
        let names: [(String, MemberName)] = [
            ("iss", .iss), ("sub", .sub), ("aud", .aud), ("exp", .exp), ("nbf", .nbf),
            ("iat", .iat), ("jti", .jti), ("name", .name), ("alg", .alg), ("kid", .kid),
            ("typ", .typ), ("cty", .cty), ("crit", .crit), ("jwk", .jwk), ("jku", .jku),
            ("x5u", .x5u), ("x5c", .x5c),
        ]
        for (text, name) in names {
            #expect(MemberName(text) == name, "\(text)")
        }
        for text in ["", "EXP", "exp ", " exp", "expx", "names", "al", "\u{0}exp", "é"] {
            #expect(MemberName(text) == nil, "\(text)")
        }
    }
}
