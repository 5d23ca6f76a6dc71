import AuthLab
import AuthLabHTTP
import Foundation
import Testing

@Suite("Redis unreachable: fail closed", .enabled(if: TestRedis.available, TestRedis.reason))
struct RedisOutageTests {
    @Test("no Redis: session routes answer 503 store_unavailable with Retry-After; tokens verify")
    func nothingListening() throws {
        let port = try TestRedis.closedPort()
        // Users and a valid token come from an app with a working store ...
        let working = try RedisTestApp()
        let (access, _) = try working.jwtLogin("alice")
        // ... then a second instance, same key, whose Redis is gone.
        let broken = try RedisTestApp(storeURL: "redis://127.0.0.1:\(port)") { config in
            config.databasePath = working.app.config.databasePath
        }
        let me = broken.me(sid: "whatever")
        #expect(me.status == .serviceUnavailable)
        #expect(me.errorCode == "store_unavailable")
        #expect(me.headers["Retry-After"] == "1")
        #expect(me.headers["Server-Timing"]?.contains("desc=\"redis\"") == true)
        let login = broken.send(
            .post, "/session/login", json: ["username": "alice", "password": "correct horse"])
        #expect(login.errorCode == "store_unavailable")
        let jwt = broken.send(.get, "/jwt/me", headers: [("Authorization", "Bearer \(access)")])
        #expect(jwt.status == .ok)
        #expect(broken.refresh("x").errorCode == "store_unavailable")
    }

    @Test("a Redis that never answers costs at most the command timeout, then 503")
    func silent() throws {
        let silent = try SilentServer()
        let t = try RedisTestApp(storeURL: "redis://127.0.0.1:\(silent.port)") { config in
            config.redisCommandTimeout = .milliseconds(200)
        }
        let start = ContinuousClock.now
        let me = t.me(sid: "whatever")
        #expect(me.errorCode == "store_unavailable")
        #expect(start.duration(to: .now) < .milliseconds(800))
    }

    @Test("--session-store validation names the problem, without the URL's credentials")
    func validation() {
        var config = AppConfig()
        config.sessionStore = "redis://user:hunter2@127.0.0.1"
        #expect {
            try config.validate()
        } throws: { error in
            let text = "\(error)"
            return text.contains("--session-store") && !text.contains("hunter2")
        }
        config.sessionStore = "postgres://x"
        #expect(throws: ConfigError.self) { try config.validate() }
        config.sessionStore = "redis://127.0.0.1:6379/2"
        #expect(throws: Never.self) { try config.validate() }
    }
}
