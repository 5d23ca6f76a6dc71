import AuthLabHTTP
import Testing

@Test("a Bearer credential gives its token, the scheme matched in any case")
func bearerTokenAccepted() {
    #expect(Authorization.bearerToken("Bearer abc.def.ghi") == "abc.def.ghi")
    #expect(Authorization.bearerToken("bEaReR abc") == "abc")
    #expect(Authorization.bearerToken("Bearer    abc") == "abc")
    #expect(Authorization.bearerToken("Bearer é.ü") == "é.ü")
}

@Test("anything but one Bearer token is no token")
func bearerTokenRefused() {
    let refused: [String?] = [
        nil, "", "Bearer", "Bearer ", "Bearer   ", "Basic YWxpY2U6cGFzcw==", "Bearerabc",
        "Bearer\tabc", " Bearer abc", "Bearer abc def", "Bearer abc ", "Bearez abc",
        "Token abc", "Bear\u{E9}r abc",
    ]
    for header in refused {
        #expect(Authorization.bearerToken(header) == nil, "\(String(describing: header))")
    }
}
