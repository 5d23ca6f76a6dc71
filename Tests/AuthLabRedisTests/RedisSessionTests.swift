import AuthLab
import AuthLabCrypto
import AuthLabHTTP
import Foundation
import Testing

@Suite("Sessions in Redis", .enabled(if: TestRedis.available, TestRedis.reason))
struct RedisSessionTests {
    @Test("login, /session/me in one Redis command, list, CSRF logout ends it at once")
    func lifecycle() throws {
        let t = try RedisTestApp()
        let (sid, csrf) = try t.sessionLogin("alice")
        let me = t.me(sid: sid)
        #expect(me.status == .ok)
        #expect(me.json["user"]?["username"]?.stringValue == "alice")
        let timing = try #require(me.headers["Server-Timing"])
        #expect(timing.contains("desc=\"redis\""), "\(timing)")
        let metrics = String(decoding: t.send(.get, "/metrics").body, as: UTF8.self)
        #expect(metrics.contains("authlab_db_queries_total{scheme=\"session\"}"))

        let (other, _) = try t.sessionLogin("alice", register: false)
        let list = t.send(.get, "/session/sessions", headers: [("Cookie", "sid=\(sid)")])
        let sessions = try #require(list.json["sessions"]?.arrayValue)
        #expect(sessions.count == 2)
        #expect(sessions.filter { $0["current"] == .bool(true) }.count == 1)

        let cookie = ("Cookie", "sid=\(sid)")
        #expect(t.send(.post, "/session/logout", headers: [cookie]).errorCode == "csrf_failed")
        let done = t.send(.post, "/session/logout", headers: [cookie, ("X-CSRF-Token", csrf)])
        #expect(done.status == .noContent)
        #expect(t.me(sid: sid).errorCode == "unauthenticated")
        #expect(t.me(sid: other).status == .ok)
    }

    @Test("the key is the SHA-256 of the cookie: the cookie value appears in no key or field")
    func storedHashed() throws {
        let t = try RedisTestApp()
        let (sid, _) = try t.sessionLogin("alice")
        let hex = Digest.hash(.sha256, Array(sid.utf8)).map { String(format: "%02x", $0) }.joined()
        let keys = try t.keys()
        #expect(keys.contains("session:\(hex)"))
        #expect(keys.contains("user:1:sessions"))
        #expect(!keys.contains { $0.contains(sid) })
        let fields = try TestRedis.connect().command(["HGETALL", t.prefix + "session:\(hex)"])
        #expect(!(fields.array ?? []).contains { $0.string == sid })
        #expect((fields.array ?? []).count == 10)
    }

    @Test("a session key expires natively at the idle limit, then the cookie gets 401")
    func expiresNatively() throws {
        let t = try RedisTestApp { config in
            config.sessionTTL = 60
            config.sessionIdleTTL = 1
        }
        let (sid, _) = try t.sessionLogin("alice")
        let hex = Digest.hash(.sha256, Array(sid.utf8)).map { String(format: "%02x", $0) }.joined()
        let ttl = try #require(try t.ttl("session:\(hex)"))
        #expect((0...1).contains(ttl))
        #expect(t.me(sid: sid).status == .ok)
        Thread.sleep(forTimeInterval: 2.2)
        #expect(try t.ttl("session:\(hex)") == -2)
        #expect(t.me(sid: sid).errorCode == "unauthenticated")
    }

    @Test("absolute lifetime: a one-second session is gone after it")
    func absoluteLifetime() throws {
        let t = try RedisTestApp { $0.sessionTTL = 1 }
        let (sid, _) = try t.sessionLogin("alice")
        #expect(t.me(sid: sid).status == .ok)
        Thread.sleep(forTimeInterval: 2.2)
        #expect(t.me(sid: sid).errorCode == "unauthenticated")
        #expect(try t.keys().allSatisfy { !$0.hasPrefix("session:") })
    }

    @Test("logout everywhere ends every session of the user, and only theirs")
    func logoutAll() throws {
        let t = try RedisTestApp()
        let (first, csrf) = try t.sessionLogin("alice")
        let (second, _) = try t.sessionLogin("alice", register: false)
        let (bob, _) = try t.sessionLogin("bob")
        let done = t.send(
            .post, "/session/logout?all=true",
            headers: [("Cookie", "sid=\(first)"), ("X-CSRF-Token", csrf)])
        #expect(done.status == .noContent)
        #expect(t.me(sid: first).status == .unauthorized)
        #expect(t.me(sid: second).status == .unauthorized)
        #expect(t.me(sid: bob).status == .ok)
    }

    @Test("two app instances on one Redis share sessions; a fresh SQLite app does not")
    func sharedAcrossInstances() throws {
        let url = try #require(TestRedis.url)
        let a = try RedisTestApp(storeURL: url)
        let (sid, _) = try a.sessionLogin("alice")
        // A second instance with the same key prefix (and so the same Redis keys).
        var b: RedisTestApp?
        b = try RedisTestApp(storeURL: url) { $0.redisKeyPrefix = a.prefix }
        #expect(b?.me(sid: sid).status == .ok)
        let sqlite = try RedisTestApp(storeURL: "sqlite")
        #expect(sqlite.me(sid: sid).status == .unauthorized)
    }
}
