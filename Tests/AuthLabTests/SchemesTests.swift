import AuthLab
import AuthLabHTTP
import AuthLabJSON
import Foundation
import Testing

@Suite("Both schemes, in-process")
struct SchemesTests {
    @Test("registration answers 201, then 409 for the same name, 400 outside the rules")
    func registration() throws {
        let t = try TestApp()
        let created = t.register("alice")
        #expect(created.status == .created)
        #expect(created.json["username"]?.stringValue == "alice")
        #expect(t.register("alice").errorCode == "username_taken")
        #expect(t.register("Al").errorCode == "invalid_request")
        #expect(t.register("bob", password: "short").errorCode == "invalid_request")
    }

    @Test("session login sets an HttpOnly SameSite=Lax cookie that /session/me accepts")
    func sessionLogin() throws {
        let t = try TestApp()
        t.register("alice")
        let response = t.send(
            .post, "/session/login", json: ["username": "alice", "password": "correct horse"])
        let cookie = try #require(response.headers["Set-Cookie"])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
        #expect(cookie.contains("Path=/") && cookie.contains("Max-Age=86400"))
        #expect(!cookie.contains("Secure"))
        let (sid, _) = try t.sessionLogin("alice")
        let me = t.send(.get, "/session/me", headers: [("Cookie", "sid=\(sid)")])
        #expect(me.status == .ok)
        #expect(me.json["user"]?["username"]?.stringValue == "alice")
    }

    @Test("session logout needs the CSRF token, and the cookie dies at once")
    func sessionLogout() throws {
        let t = try TestApp()
        t.register("alice")
        let (sid, csrf) = try t.sessionLogin("alice")
        let cookie = ("Cookie", "sid=\(sid)")
        let refused = t.send(.post, "/session/logout", headers: [cookie])
        #expect(refused.errorCode == "csrf_failed")
        let wrong = t.send(.post, "/session/logout", headers: [cookie, ("X-CSRF-Token", "x")])
        #expect(wrong.status == .forbidden)
        let done = t.send(.post, "/session/logout", headers: [cookie, ("X-CSRF-Token", csrf)])
        #expect(done.status == .noContent)
        #expect(done.headers["Set-Cookie"]?.contains("Max-Age=0") == true)
        #expect(t.send(.get, "/session/me", headers: [cookie]).errorCode == "unauthenticated")
    }

    @Test("two sid cookies in one request are refused")
    func ambiguousCookie() throws {
        let t = try TestApp()
        t.register("alice")
        let (sid, _) = try t.sessionLogin("alice")
        let response = t.send(.get, "/session/me", headers: [("Cookie", "sid=\(sid); sid=other")])
        #expect(response.status == .unauthorized)
    }

    @Test("/jwt/me answers from the token alone: no database query")
    func jwtMeIsStateless() throws {
        let t = try TestApp()
        t.register("alice")
        let (access, _) = try t.jwtLogin("alice")
        let me = t.send(.get, "/jwt/me", headers: [("Authorization", "bearer \(access)")])
        #expect(me.status == .ok)
        #expect(me.json["claims"]?["name"]?.stringValue == "alice")
        let timing = try #require(me.headers["Server-Timing"])
        #expect(timing.contains("db;dur=0.000;desc=\"none\""))
        #expect(timing.contains("desc=\"jwt HS256\""))
    }

    @Test("a missing or bad token gets an RFC 6750 challenge")
    func bearerChallenges() throws {
        let t = try TestApp()
        let missing = t.send(.get, "/jwt/me")
        #expect(missing.headers["WWW-Authenticate"] == "Bearer realm=\"authlab\"")
        let bad = t.send(.get, "/jwt/me", headers: [("Authorization", "Bearer a.b.c")])
        #expect(bad.errorCode == "invalid_token")
        #expect(bad.headers["WWW-Authenticate"]?.contains("error=\"invalid_token\"") == true)
    }

    @Test("JWT logout leaves the access token valid; with the deny-list it dies")
    func jwtLogout() throws {
        for denylist in [false, true] {
            let t = try TestApp { $0.jwtDenylist = denylist }
            t.register("alice")
            let (access, refresh) = try t.jwtLogin("alice")
            let bearer = ("Authorization", "Bearer \(access)")
            let out = t.send(
                .post, "/jwt/logout", json: ["refresh_token": .string(refresh)], headers: [bearer])
            #expect(out.status == .noContent)
            let me = t.send(.get, "/jwt/me", headers: [bearer])
            #expect(me.status == (denylist ? .unauthorized : .ok))
        }
    }

    @Test("a spent refresh token revokes its whole family")
    func refreshReuse() throws {
        let t = try TestApp()
        t.register("alice")
        let (_, first) = try t.jwtLogin("alice")
        let rotated = t.send(.post, "/jwt/refresh", json: ["refresh_token": .string(first)])
        #expect(rotated.status == .ok)
        let second = try #require(rotated.json["refresh_token"]?.stringValue)
        let reuse = t.send(.post, "/jwt/refresh", json: ["refresh_token": .string(first)])
        #expect(reuse.errorCode == "invalid_token")
        let victim = t.send(.post, "/jwt/refresh", json: ["refresh_token": .string(second)])
        #expect(victim.errorCode == "invalid_token")
    }

    @Test("unknown user and wrong password get the same answer")
    func sameAnswer() throws {
        let t = try TestApp()
        t.register("alice")
        let wrong = t.send(
            .post, "/jwt/login", json: ["username": "alice", "password": "wrong pass"])
        let unknown = t.send(
            .post, "/jwt/login", json: ["username": "nobody", "password": "wrong pass"])
        #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
        #expect(wrong.body == unknown.body)
        #expect(unknown.headers["Server-Timing"]?.contains("hash;dur=") == true)
    }

    @Test("repeated failures for one username answer 429 with Retry-After")
    func throttle() throws {
        let t = try TestApp { $0.throttleUsernameLimit = 3 }
        t.register("alice")
        for _ in 0..<3 {
            _ = t.send(
                .post, "/session/login", json: ["username": "alice", "password": "nope nope"])
        }
        let limited = t.send(
            .post, "/session/login", json: ["username": "alice", "password": "correct horse"])
        #expect(limited.errorCode == "rate_limited")
        #expect(Int(limited.headers["Retry-After"] ?? "") ?? 0 > 0)
    }
}

@Suite("JWT logout with the deny-list")
struct DenyListLogoutTests {
    @Test("a logout with a bad access token answers 401 and revokes nothing")
    func badBearerChangesNothing() throws {
        let t = try TestApp { $0.jwtDenylist = true }
        t.register("alice")
        let (_, refresh) = try t.jwtLogin("alice")
        let out = t.send(
            .post, "/jwt/logout", json: ["refresh_token": .string(refresh)],
            headers: [("Authorization", "Bearer not.a.token")])
        #expect(out.status == .unauthorized)
        let rotated = t.send(.post, "/jwt/refresh", json: ["refresh_token": .string(refresh)])
        #expect(rotated.status == .ok)
    }
}
