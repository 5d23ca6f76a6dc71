import AuthLabRedis
import Dispatch
import Testing

@Suite("RedisPool and RedisScript", .enabled(if: TestRedis.available, TestRedis.reason))
struct RedisPoolTests {
    @Test("connections are reused, and usage counts commands and time")
    func reuse() throws {
        let pool = RedisPool(endpoint: try TestRedis.endpoint(), idleCapacity: 2)
        var usage = RedisUsage()
        let first = try pool.withConnection(usage: &usage) { conn in
            try conn.command(["CLIENT", "ID"]).int64
        }
        let second = try pool.withConnection(usage: &usage) { conn in
            try conn.pipeline([["CLIENT", "ID"], ["PING"]]).first?.int64
        }
        #expect(first != nil && first == second)
        #expect(usage.commands == 3)
        #expect(usage.duration > .zero)
        #expect(pool.idleCount == 1)
    }

    @Test("threads at once each get their own connection; at most idleCapacity are kept")
    func concurrent() throws {
        let pool = RedisPool(endpoint: try TestRedis.endpoint(), idleCapacity: 2)
        let key = TestRedis.uniquePrefix() + "count"
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<25 {
                _ = try? pool.withConnection { conn in try conn.command(["INCR", key]) }
            }
        }
        let total = try pool.withConnection { conn in try conn.command(["GET", key]).int64 }
        #expect(total == 200)
        #expect(pool.idleCount <= 2)
    }

    @Test("an idle connection that Redis closed is replaced once, transparently")
    func reconnectsAfterKill() throws {
        let pool = RedisPool(endpoint: try TestRedis.endpoint(), idleCapacity: 1)
        let id = try #require(
            try pool.withConnection { conn in try conn.command(["CLIENT", "ID"]).int64 })
        let admin = try TestRedis.connect()
        #expect(try admin.command(["CLIENT", "KILL", "ID", String(id)]) == .integer(1))
        let next = try pool.withConnection { conn in try conn.command(["CLIENT", "ID"]).int64 }
        #expect(next != nil && next != id)
    }

    @Test("a timed-out connection is dropped, not returned to the pool")
    func dropsBrokenConnection() throws {
        let pool = RedisPool(
            endpoint: try TestRedis.endpoint(), commandTimeout: .milliseconds(100), idleCapacity: 2)
        #expect(throws: RedisError.self) {
            try pool.withConnection { conn in
                try conn.command(["BLPOP", TestRedis.uniquePrefix() + "never", "1"])
            }
        }
        #expect(pool.idleCount == 0)
        #expect(try pool.withConnection { conn in try conn.command(["PING"]) } == .status("PONG"))
        #expect(pool.idleCount == 1)
    }

    @Test("nothing listening: the pool throws an unavailable error quickly, every time")
    func unreachable() throws {
        let pool = RedisPool(
            endpoint: RedisEndpoint(host: "127.0.0.1", port: try TestRedis.closedPort()))
        for _ in 0..<3 {
            #expect {
                try pool.withConnection { conn in try conn.command(["PING"]) }
            } throws: { error in
                (error as? RedisError)?.isUnavailable == true
            }
        }
    }

    @Test("a script is loaded once, run by digest, and reloaded after SCRIPT FLUSH")
    func scriptReload() throws {
        let script = RedisScript("return tonumber(ARGV[1]) + #KEYS")
        let connection = try TestRedis.connect()
        #expect(
            try connection.evaluate(script, keys: ["a", "b"], arguments: ["40"]) == .integer(42))
        let afterFirst = connection.commandCount
        #expect(try connection.evaluate(script, keys: [], arguments: ["1"]) == .integer(1))
        #expect(connection.commandCount == afterFirst + 1)
        _ = try connection.command(["SCRIPT", "FLUSH"])
        #expect(try connection.evaluate(script, keys: ["k"], arguments: ["6"]) == .integer(7))
    }
}
