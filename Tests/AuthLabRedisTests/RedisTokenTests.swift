import AuthLab
import AuthLabHTTP
import Dispatch
import Foundation
import Synchronization
import Testing

@Suite(
    "Refresh tokens and the deny-list in Redis", .enabled(if: TestRedis.available, TestRedis.reason)
)
struct RedisTokenTests {
    @Test("rotation spends the token; presenting it again revokes the whole family")
    func reuseDetection() throws {
        let t = try RedisTestApp()
        let (_, refresh) = try t.jwtLogin("alice")
        let rotated = t.refresh(refresh)
        #expect(rotated.status == .ok)
        let next = try #require(rotated.json["refresh_token"]?.stringValue)
        let reused = t.refresh(refresh)
        #expect(reused.errorCode == "invalid_token")
        #expect(reused.json["error_description"]?.stringValue?.contains("already used") == true)
        let revoked = t.refresh(next)
        #expect(
            revoked.json["error_description"]?.stringValue == "refresh token family was revoked")
        #expect(
            t.refresh("no-such-token").json["error_description"]?.stringValue
                == "unknown refresh token")
    }

    @Test("two refreshes racing with one token: exactly one wins, and the family dies")
    func atomicRotation() throws {
        let t = try RedisTestApp()
        _ = try t.jwtLogin("alice")
        for _ in 0..<8 {
            let (_, refresh) = try t.jwtLogin("alice", register: false)
            let statuses = Mutex<[HTTPStatus]>([])
            let winners = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                let response = t.refresh(refresh)
                statuses.withLock { $0.append(response.status) }
                if let token = response.json["refresh_token"]?.stringValue {
                    winners.withLock { $0.append(token) }
                }
            }
            #expect(statuses.withLock { $0.filter { $0 == .ok }.count } == 1)
            let winner = try #require(winners.withLock { $0.first })
            #expect(t.refresh(winner).status == .unauthorized)
        }
    }

    @Test("refresh keys expire natively with their family")
    func refreshExpiry() throws {
        let t = try RedisTestApp { $0.refreshTTL = 1 }
        let (_, refresh) = try t.jwtLogin("alice")
        let keys = try t.keys()
        #expect(keys.filter { $0.hasPrefix("refresh:") }.count == 1)
        #expect(keys.filter { $0.hasPrefix("family:") }.count == 1)
        #expect(!keys.contains { $0.contains(refresh) })
        Thread.sleep(forTimeInterval: 2.2)
        #expect(try t.keys().isEmpty)
        #expect(
            t.refresh(refresh).json["error_description"]?.stringValue == "unknown refresh token")
    }

    @Test("logout revokes the family and, with the deny-list, the access token until exp")
    func denyList() throws {
        let t = try RedisTestApp { config in
            config.jwtDenylist = true
            config.accessTTL = 120
            config.leeway = 5
        }
        let (access, refresh) = try t.jwtLogin("alice")
        let bearer = ("Authorization", "Bearer \(access)")
        let me = t.send(.get, "/jwt/me", headers: [bearer])
        #expect(me.status == .ok)
        #expect(me.headers["Server-Timing"]?.contains("desc=\"redis\"") == true)
        let out = t.send(
            .post, "/jwt/logout", json: ["refresh_token": .string(refresh)], headers: [bearer])
        #expect(out.status == .noContent)
        #expect(t.send(.get, "/jwt/me", headers: [bearer]).errorCode == "invalid_token")
        #expect(t.refresh(refresh).status == .unauthorized)
        let denied = try #require(try t.keys().first { $0.hasPrefix("denied:") })
        let ttl = try #require(try t.ttl(denied))
        #expect((110...125).contains(ttl), "exp + leeway - now, got \(ttl)")
    }

    @Test("without the deny-list, /jwt/me never touches Redis")
    func statelessByDefault() throws {
        let t = try RedisTestApp()
        let (access, _) = try t.jwtLogin("alice")
        let me = t.send(.get, "/jwt/me", headers: [("Authorization", "Bearer \(access)")])
        #expect(me.status == .ok)
        #expect(me.headers["Server-Timing"]?.contains("db;dur=0.000;desc=\"none\"") == true)
    }
}
