import AuthLabRedis
import Testing

@Suite("RedisConnection", .enabled(if: TestRedis.available, TestRedis.reason))
struct RedisConnectionTests {
    @Test("commands round-trip bulk strings, integers, nil and arrays, binary-safe")
    func roundTrip() throws {
        let connection = try TestRedis.connect()
        let key = TestRedis.uniquePrefix() + "k"
        let value = "a b\r\n\u{0}ü"
        #expect(try connection.command(["SET", key, value, "EX", "10"]) == .status("OK"))
        #expect(try connection.command(["GET", key]).string == value)
        #expect(try connection.command(["EXISTS", key]) == .integer(1))
        #expect(try connection.command(["GET", key + "-missing"]) == .null)
        let list = try connection.command(["HMGET", key + "-h", "a", "b"])
        #expect(list == .array([.null, .null]))
        #expect(connection.commandCount == 5)
    }

    @Test("a pipeline sends several commands in one round trip and keeps error replies")
    func pipeline() throws {
        let connection = try TestRedis.connect()
        let key = TestRedis.uniquePrefix() + "n"
        let replies = try connection.pipeline([
            ["INCR", key], ["INCRBY", key, "2"], ["HGET", key, "x"], ["DEL", key],
        ])
        #expect(replies.count == 4)
        #expect(replies[0] == .integer(1) && replies[1] == .integer(3))
        guard case .error(let message) = replies[2] else {
            Issue.record("expected WRONGTYPE, got \(replies[2])")
            return
        }
        #expect(message.hasPrefix("WRONGTYPE"))
        #expect(replies[3] == .integer(1))
    }

    @Test("an error reply throws .server and leaves the connection usable")
    func serverError() throws {
        let connection = try TestRedis.connect()
        #expect {
            try connection.command(["NOSUCHCOMMAND"])
        } throws: { error in
            (error as? RedisError)?.code == .server
        }
        #expect(!connection.isBroken)
        #expect(try connection.command(["PING"]) == .status("PONG"))
    }

    @Test("the URL's database number is selected on connect")
    func selectsDatabase() throws {
        let base = try TestRedis.endpoint()
        let key = TestRedis.uniquePrefix() + "db"
        let zero = try RedisConnection(
            endpoint: RedisEndpoint(host: base.host, port: base.port, database: 0),
            connectTimeout: .milliseconds(200), commandTimeout: .milliseconds(500))
        let three = try RedisConnection(
            endpoint: RedisEndpoint(host: base.host, port: base.port, database: 3),
            connectTimeout: .milliseconds(200), commandTimeout: .milliseconds(500))
        _ = try three.command(["SET", key, "x", "EX", "10"])
        #expect(try zero.command(["EXISTS", key]) == .integer(0))
        #expect(try three.command(["EXISTS", key]) == .integer(1))
    }

    @Test("a command that outlives the timeout fails with .timeout and breaks the connection")
    func commandTimeout() throws {
        let connection = try TestRedis.connect(commandTimeout: .milliseconds(150))
        let start = ContinuousClock.now
        #expect {
            try connection.command(["BLPOP", TestRedis.uniquePrefix() + "never", "2"])
        } throws: { error in
            (error as? RedisError)?.code == .timeout
        }
        #expect(start.duration(to: .now) < .seconds(1))
        #expect(connection.isBroken)
        #expect(throws: RedisError.self) { try connection.command(["PING"]) }
    }

    @Test("a server that accepts but never answers times out within the command timeout")
    func silentServer() throws {
        let silent = try SilentServer()
        let connection = try RedisConnection(
            endpoint: RedisEndpoint(host: "127.0.0.1", port: silent.port),
            connectTimeout: .milliseconds(200), commandTimeout: .milliseconds(200))
        let start = ContinuousClock.now
        #expect(
            throws: RedisError(.timeout, "Redis at 127.0.0.1:\(silent.port) did not answer in time")
        ) {
            try connection.command(["PING"])
        }
        #expect(start.duration(to: .now) < .milliseconds(900))
    }

    @Test("no listener: connecting fails at once with .connect_failed")
    func refused() throws {
        let port = try TestRedis.closedPort()
        let start = ContinuousClock.now
        #expect {
            try RedisConnection(
                endpoint: RedisEndpoint(host: "127.0.0.1", port: port),
                connectTimeout: .milliseconds(200), commandTimeout: .milliseconds(500))
        } throws: { error in
            guard let error = error as? RedisError else { return false }
            return error.code == .connectFailed && error.isUnavailable
        }
        #expect(start.duration(to: .now) < .milliseconds(500))
    }
}
