import Testing

@testable import AuthLabHTTP

@Suite("offloaded routes and graceful stop", .serialized)
struct OffloadTests {
    @Test("an offloaded route answers from the worker pool over a kept-alive connection")
    func offloadAnswers() throws {
        let router = Router<BasicRequestContext>()
        router.post("/hash", offload: true) { request, _ in
            .text("hashed \(request.body.count)")
        }
        let server = try startServer(router)
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        let first = try client.request("POST", "/hash", body: Array("secret".utf8))
        let second = try client.request("POST", "/hash", body: Array("pw".utf8))
        #expect(first.status == 200)
        #expect(first.text == "hashed 6")
        #expect(second.text == "hashed 2")
        #expect(first.header("Connection")?.lowercased() != "close")
    }

    @Test("a full worker queue answers 503 overloaded with Retry-After and Server-Timing")
    func fullQueueAnswers503() throws {
        let gate = Gate()
        let router = Router<BasicRequestContext>()
        router.post("/slow", offload: true) { _, _ in
            gate.pass()
            return .text("done")
        }
        let server = try startServer(router) {
            $0.workerThreads = 1
            $0.workerQueueLimit = 1
        }
        defer { server.stop() }
        let results = Results<Int>()
        let running = TestThread {
            results.append(
                (try? RawClient(port: server.port).request("POST", "/slow"))?.status ?? -1)
        }
        gate.waitForEntered(1)
        let queued = TestThread {
            results.append(
                (try? RawClient(port: server.port).request("POST", "/slow"))?.status ?? -1)
        }
        var waited = 0
        while !server.metrics.prometheusText().contains("http_offload_queue_depth 1")
            && waited < 2000
        {
            sleepMilliseconds(1)
            waited += 1
        }
        let refused = try RawClient(port: server.port).request("POST", "/slow")
        #expect(refused.status == 503)
        #expect(refused.header("Retry-After") == "1")
        #expect(refused.text.contains(#""error":"overloaded""#))
        #expect(refused.header("Server-Timing")?.hasPrefix("auth;dur=0") == true)
        gate.release()
        running.join()
        queued.join()
        #expect(results.all == [200, 200])
        #expect(server.metrics.prometheusText().contains("http_offload_rejected_total 1"))
    }

    @Test("fast requests keep flowing while slow offloaded requests saturate the workers")
    func fastRequestsFlow() throws {
        let router = Router<BasicRequestContext>()
        router.get("/healthz") { _, _ in .text("ok") }
        router.post("/slow", offload: true) { _, _ in
            sleepMilliseconds(50)
            return .text("slow")
        }
        let server = try startServer(router) {
            $0.workerThreads = 2
            $0.workerQueueLimit = 64
        }
        defer { server.stop() }
        let slowDone = Results<Double>()
        let start = nowMilliseconds()
        let slow = (0..<12).map { _ in
            TestThread {
                let status = (try? RawClient(port: server.port).request("POST", "/slow"))?.status
                if status == 200 { slowDone.append(nowMilliseconds()) }
            }
        }
        sleepMilliseconds(10)
        let client = try RawClient(port: server.port)
        var fastStatuses: [Int] = []
        for _ in 0..<20 {
            fastStatuses.append(try client.request("GET", "/healthz").status)
        }
        let fastDone = nowMilliseconds()
        for thread in slow {
            thread.join()
        }
        #expect(fastStatuses == Array(repeating: 200, count: 20))
        #expect(slowDone.all.count == 12)
        // 12 × 50 ms on 2 workers takes ≥ 300 ms; 20 fast requests must not wait for that.
        let lastSlow = slowDone.all.max() ?? start
        #expect(fastDone < lastSlow)
        #expect(fastDone - start < (lastSlow - start) / 2)
    }

    @Test("stop waits for an in-flight offloaded request to finish and answer")
    func gracefulStopFinishesInFlight() throws {
        let gate = Gate()
        let router = Router<BasicRequestContext>()
        router.post("/slow", offload: true) { _, _ in
            gate.pass()
            sleepMilliseconds(50)
            return .text("finished")
        }
        let server = try startServer(router)
        let results = Results<String>()
        let client = TestThread {
            let response = try? RawClient(port: server.port).request("POST", "/slow")
            results.append("\(response?.status ?? -1) \(response?.text ?? "")")
        }
        gate.waitForEntered(1)
        let stopper = TestThread { server.stop() }
        sleepMilliseconds(20)
        gate.release()
        stopper.join()
        client.join()
        #expect(results.all == ["200 finished"])
        #expect(server.metrics.inFlightRequests == 0)
    }

    @Test("stop also waits for a slow request running on an MHD thread")
    func gracefulStopInline() throws {
        let gate = Gate()
        let router = Router<BasicRequestContext>()
        router.get("/slow") { _, _ in
            gate.pass()
            return .text("inline")
        }
        let server = try startServer(router)
        let results = Results<Int>()
        let client = TestThread {
            results.append(
                (try? RawClient(port: server.port).request("GET", "/slow"))?.status ?? -1)
        }
        gate.waitForEntered(1)
        let stopper = TestThread { server.stop() }
        sleepMilliseconds(20)
        gate.release()
        stopper.join()
        client.join()
        #expect(results.all == [200])
    }
}
