import Testing

@testable import AuthLabHTTP

@Test("header lookup ignores ASCII case and keeps every value in order")
func headersCaseInsensitiveMultiValue() {
    var headers: HTTPHeaders = ["Accept": "a", "X-Thing": "1"]
    headers.add(name: "x-thing", value: "2")
    #expect(headers["X-THING"] == "1")
    #expect(headers.values(for: "x-Thing") == ["1", "2"])
    headers.replaceOrAdd(name: "X-THING", value: "3")
    #expect(headers.values(for: "x-thing") == ["3"])
    #expect(headers.fields.map(\.name) == ["Accept", "X-THING"])
}

@Test("JSON content type is recognised with parameters and in any case")
func requestJSONContentType() {
    let json = Request(
        method: .post, path: "/", headers: ["content-type": "Application/JSON; charset=utf-8"])
    let form = Request(
        method: .post, path: "/", headers: ["Content-Type": "application/x-www-form-urlencoded"])
    #expect(json.hasJSONContentType)
    #expect(!form.hasJSONContentType)
    #expect(!Request(method: .post, path: "/").hasJSONContentType)
}
