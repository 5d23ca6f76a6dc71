import AuthLabHTTP
import FuzzSupport

/// Request header values and targets from any bytes, one per line: `Cookie` and
/// `Authorization` parsing, the request-target split and route resolution must never
/// crash, and their results must hold together.
@main
enum FuzzHTTP {
    static func main() {
        FuzzDriver.run { data, size in
            FuzzHTTP.test(FuzzDriver.buffer(data, size))
            return 0
        }
    }

    static let responder = HTTPRoutes.responder()

    static func test(_ input: UnsafeRawBufferPointer) {
        let lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { FuzzInput.headerText($0) }
        var headers = HTTPHeaders()
        var expected: [Cookie] = []
        for (index, line) in lines.enumerated() {
            let cookies = Cookies(header: line)
            checkCookies(cookies, header: line)
            expected.append(contentsOf: cookies.all)
            headers.add(name: index % 2 == 0 ? "Cookie" : "cOOKIE", value: line)
            checkBearer(line)
            checkTarget(line)
        }
        invariant(Cookies(headers: headers).all == expected, "Cookie headers read out of order")
    }

    static func checkCookies(_ cookies: Cookies, header: String) {
        // RFC 6265 works on octets: a ';' byte separates pairs even where Swift would fold
        // it with a following combining mark into one Character.
        let pieces = header.utf8.split(separator: UInt8(ascii: ";")).count
        invariant(cookies.all.count <= pieces, "more cookies than pairs")
        for cookie in cookies {
            let name = cookie.name
            invariant(!name.isEmpty, "a cookie with an empty name")
            invariant(!name.contains("=") && !name.contains(";"), "a name holds = or ;")
            invariant(!cookie.value.contains(";"), "a value holds ;")
            invariant(!trimmable(name.first) && !trimmable(name.last), "an untrimmed name")
            invariant(cookies[name] != nil, "a parsed cookie cannot be looked up")
        }
    }

    static func checkBearer(_ header: String) {
        guard let token = Authorization.bearerToken(header) else { return }
        invariant(!token.isEmpty && !token.contains(" "), "an empty or spaced token")
        invariant(header.utf8.count > 7, "a token from a header shorter than the scheme")
        invariant(header.utf8.prefix(7).map { $0 | 0x20 } == Array("bearer ".utf8), "scheme")
        invariant(header.utf8.reversed().starts(with: token.utf8.reversed()), "not a suffix")
    }

    static func checkTarget(_ target: String) {
        var request = Request(method: .get, target: target)
        let rebuilt = request.path + (request.query.map { "?" + $0 } ?? "")
        invariant(rebuilt == target, "path and query do not rebuild the target")
        invariant(!request.path.contains("?"), "the path holds a ?")
        let route = responder.resolve(&request)
        if case .endpoint = route.match {
            invariant(request.routeTemplate == route.template, "the template was not recorded")
            for (_, value) in request.parameters {
                invariant(!value.contains("/"), "a path parameter spans segments")
            }
        }
    }

    private static func trimmable(_ character: Character?) -> Bool {
        character == " " || character == "\t"
    }
}
