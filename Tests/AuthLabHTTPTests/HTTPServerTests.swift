import Testing

@testable import AuthLabHTTP

private let serverTiming = #"auth;dur=0;desc="none", db;dur=0;desc="none""#

private func basicRouter() -> Router<BasicRequestContext> {
    let router = Router<BasicRequestContext>()
    router.get("/healthz") { _, _ in .json(Array(#"{"status":"ok"}"#.utf8)) }
    router.post("/echo") { request, _ in
        var response = Response(status: .ok, body: request.body)
        response.headers.add(name: "X-Path", value: request.path)
        response.headers.add(name: "X-Query", value: request.query ?? "-")
        response.headers.add(name: "X-Remote", value: request.remoteAddress)
        return response
    }
    router.get("/header/:name") { request, _ in
        let name = request.parameters["name"] ?? ""
        let bytes = request.headers.fields.first { $0.name == name }?.valueBytes ?? []
        return .text(bytes.map { String($0) }.joined(separator: ","))
    }
    return router
}

@Suite("live server on 127.0.0.1:0", .serialized)
struct HTTPServerTests {
    @Test("port 0 binds a real port and two requests share one keep-alive connection")
    func keepAlive() throws {
        let server = try startServer(basicRouter())
        defer { server.stop() }
        #expect(server.port > 0)
        let client = try RawClient(port: server.port)
        let first = try client.request("GET", "/healthz")
        let second = try client.request("POST", "/echo?a=%20b", body: Array("hi".utf8))
        #expect(first.status == 200)
        #expect(first.text == #"{"status":"ok"}"#)
        #expect(first.header("Connection")?.lowercased() != "close")
        #expect(second.status == 200)
        #expect(second.text == "hi")
        #expect(second.header("X-Path") == "/echo")
        #expect(second.header("X-Query") == "a=%20b")
        #expect(second.header("X-Remote") == "127.0.0.1")
        let third = try client.request("GET", "/nope")
        #expect(third.status == 404)
        #expect(third.text.contains(#""error":"not_found""#))
    }

    @Test("a Content-Length over 64 KiB answers 413 before the body is read")
    func payloadTooLarge() throws {
        let server = try startServer(basicRouter())
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 65537\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 413)
        #expect(response.text.contains(#""error":"payload_too_large""#))
        #expect(response.header("Server-Timing") == serverTiming)
        // The unread body must never be parsed as a next request.
        #expect(client.isClosedByServer())
    }

    @Test("a body of exactly 64 KiB is accepted")
    func bodyAtLimit() throws {
        let server = try startServer(basicRouter())
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        let response = try client.request(
            "POST", "/echo", body: [UInt8](repeating: 0x61, count: 65536))
        #expect(response.status == 200)
        #expect(response.body.count == 65536)
    }

    @Test("a chunked body that grows past 64 KiB is refused with 413")
    func chunkedTooLarge() throws {
        let server = try startServer(basicRouter())
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = String(repeating: "a", count: 16384)
        for _ in 0..<6 {
            try client.send("4000\r\n" + chunk + "\r\n")
        }
        try client.send("0\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 413)
        #expect(response.text.contains("payload_too_large"))
    }

    @Test("a 17 KiB header block answers 431; a 15 KiB one is served")
    func headerLimit() throws {
        let server = try startServer(basicRouter())
        defer { server.stop() }
        let big = try RawClient(port: server.port)
        let rejected = try big.request(
            "GET", "/healthz", headers: [("X-Fill", String(repeating: "a", count: 17 * 1024))])
        #expect(rejected.status == 431)
        #expect(rejected.text.contains(#""error":"header_too_large""#))
        #expect(rejected.header("Server-Timing") == serverTiming)
        let fine = try RawClient(port: server.port)
        let accepted = try fine.request(
            "GET", "/healthz",
            headers: [
                ("X-Fill-1", String(repeating: "b", count: 8 * 1024)),
                ("X-Fill-2", String(repeating: "c", count: 7 * 1024)),
            ])
        #expect(accepted.status == 200)
    }

    @Test("a header block beyond MHD's own buffer is refused by MHD, and nothing leaks")
    func headerBeyondMHD() throws {
        let server = try startServer(basicRouter())
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        let response = try? client.request(
            "GET", "/healthz", headers: [("X-Fill", String(repeating: "a", count: 200 * 1024))])
        #expect(response?.status == 431)
        sleepMilliseconds(50)
        #expect(server.liveRequestStates == 0)
        #expect(server.metrics.inFlightRequests == 0)
    }

    @Test("Content-Length together with Transfer-Encoding is refused with 400")
    func contentLengthAndTransferEncoding() throws {
        let server = try startServer(basicRouter())
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        try client.send(
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 400)
        #expect(response.header("Server-Timing") == serverTiming)
        #expect(client.isClosedByServer())
    }

    @Test("non-UTF-8 header bytes reach the handler intact")
    func latin1Header() throws {
        let server = try startServer(basicRouter())
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        try client.send(
            Array("GET /header/X-Odd HTTP/1.1\r\nHost: x\r\nX-Odd: a".utf8) + [0xFF, 0xE9]
                + Array("\r\n\r\n".utf8))
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "97,255,233")
    }

    @Test("an unexpected handler error answers a bare 500 over the wire")
    func unexpectedErrorLive() throws {
        struct Boom: Error {}
        let router = Router<BasicRequestContext>(log: .discard)
        router.get("/boom") { _, _ in throw Boom() }
        let server = try startServer(router)
        defer { server.stop() }
        let response = try RawClient(port: server.port).request("GET", "/boom")
        #expect(response.status == 500)
        #expect(response.text.contains("internal_error"))
        #expect(!response.text.contains("Boom"))
    }

    @Test("metrics count requests by route template, method and status")
    func metricsText() throws {
        let server = try startServer(basicRouter())
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        _ = try client.request("GET", "/healthz")
        _ = try client.request("GET", "/healthz")
        _ = try client.request("GET", "/header/abc")
        _ = try client.request("GET", "/missing")
        let text = server.metrics.prometheusText()
        #expect(
            text.contains(#"http_requests_total{route="/healthz",method="GET",status="200"} 2"#))
        #expect(
            text.contains(
                #"http_requests_total{route="/header/:name",method="GET",status="200"} 1"#))
        #expect(
            text.contains(#"http_requests_total{route="unmatched",method="GET",status="404"} 1"#))
        #expect(
            text.contains(
                #"http_request_duration_seconds_bucket{route="/healthz",method="GET",le="+Inf"} 2"#)
        )
        #expect(text.contains("# TYPE http_requests_in_flight gauge"))
    }

    @Test("the access log has method, path, status and milliseconds")
    func accessLog() throws {
        let log = LogCapture()
        let server = try startServer(basicRouter()) {
            $0.accessLog = true
            $0.log = log.sink
        }
        defer { server.stop() }
        _ = try RawClient(port: server.port).request("GET", "/healthz?x=1")
        let line = log.all.first { $0.hasPrefix("GET /healthz 200 ") } ?? ""
        #expect(line.hasSuffix("ms"))
    }

    @Test("stop is idempotent and the port stops accepting")
    func stopIdempotent() throws {
        let server = try startServer(basicRouter())
        let port = server.port
        server.stop()
        server.stop()
        #expect(throws: (any Error).self) {
            _ = try RawClient(port: port).request("GET", "/healthz")
        }
    }

    @Test("start refuses a non-literal host and a second start")
    func startErrors() throws {
        var configuration = ServerConfiguration(host: "example.com", port: 0)
        configuration.log = .discard
        let bad = HTTPServer(configuration: configuration, router: basicRouter())
        #expect(throws: HTTPServerError.invalidHost) { try bad.start() }
        let server = try startServer(basicRouter())
        defer { server.stop() }
        #expect(throws: HTTPServerError.alreadyStarted) { try server.start() }
    }
}
