import Testing

@testable import AuthLabHTTP

@Test("duplicate sid cookies are all kept, in the order sent, across Cookie headers")
func cookiesDuplicatesInOrder() {
    var headers: HTTPHeaders = ["Cookie": "sid=first; theme=dark;sid=second"]
    headers.add(name: "cookie", value: "sid=\"third\"")
    let request = Request(method: .get, path: "/", headers: headers)
    #expect(request.cookies.values(named: "sid") == ["first", "second", "third"])
    #expect(request.cookies["theme"] == "dark")
    #expect(request.cookies.all.count == 4)
}

@Test("malformed cookie pairs are skipped, not fatal")
func cookiesMalformed() {
    let cookies = Cookies(header: " ;novalue; =x; a=1=2 ;\tb = 3 ;")
    #expect(cookies.all == [Cookie(name: "a", value: "1=2"), Cookie(name: "b", value: "3")])
}

@Test("Set-Cookie carries the scope and security attributes")
func setCookieHeader() {
    let cookie = SetCookie(name: "sid", value: "abc", maxAge: 3600, secure: true)
    #expect(cookie.headerValue == "sid=abc; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax")
    #expect(
        SetCookie.clearing(name: "sid").headerValue
            == "sid=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
    let hostile = SetCookie(name: "s;id", value: "a\r\nSet-Cookie: x=1")
    #expect(!hostile.headerValue.contains("\r"))
    #expect(hostile.headerValue.hasPrefix("sid=aSet-Cookie:x=1;"))
}

@Test("values(named:in:) finds every value of one cookie across headers, as parse does")
func cookieValuesFastPath() {
    let headers = HTTPHeaders([
        ("Cookie", " a=1; sid=first ;b=\"2\""), ("X", "sid=no"),
        ("cookie", "sid=\"second\"; =x; y"),
    ])
    #expect(Cookies.values(named: "sid", in: headers) == ["first", "second"])
    #expect(Cookies(headers: headers).values(named: "sid") == ["first", "second"])
    #expect(Cookies.values(named: "b", in: headers) == ["2"])
    #expect(Cookies.values(named: "missing", in: headers).isEmpty)
}
