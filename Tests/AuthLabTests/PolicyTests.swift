import AuthLab
import AuthLabHTTP
import AuthLabJSON
import Foundation
import Testing

@Suite("CORS, Server-Timing, storage and restart")
struct PolicyTests {
    @Test("the token API answers preflights with *")
    func publicPreflight() throws {
        let t = try TestApp()
        let response = t.send(
            .options, "/jwt/me",
            headers: [
                ("Origin", "https://elsewhere.example"), ("Access-Control-Request-Method", "GET"),
            ])
        #expect(response.status == .noContent)
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
        #expect(response.headers["Access-Control-Allow-Headers"] == "Authorization, Content-Type")
        #expect(response.headers["Access-Control-Allow-Methods"] == "GET")
        #expect(response.headers["Access-Control-Max-Age"] != nil)
    }

    @Test(
        "the cookie API never says *: listed origins are echoed with credentials, others get nothing"
    )
    func sessionCORS() throws {
        let t = try TestApp { $0.allowedOrigins = ["http://localhost:3000"] }
        let listed = t.send(.get, "/session/me", headers: [("Origin", "http://localhost:3000")])
        #expect(listed.headers["Access-Control-Allow-Origin"] == "http://localhost:3000")
        #expect(listed.headers["Access-Control-Allow-Credentials"] == "true")
        #expect(listed.headers["Vary"] == "Origin")
        let other = t.send(.get, "/session/me", headers: [("Origin", "https://evil.example")])
        #expect(other.headers["Access-Control-Allow-Origin"] == nil)
        #expect(other.headers["Access-Control-Allow-Credentials"] == nil)
    }

    @Test("every response carries Server-Timing with auth and db, 404 and 405 included")
    func serverTimingEverywhere() throws {
        let t = try TestApp()
        for response in [
            t.send(.get, "/healthz"), t.send(.get, "/nope"), t.send(.delete, "/healthz"),
            t.send(.get, "/session/me"),
        ] {
            let value = try #require(response.headers["Server-Timing"])
            #expect(value.contains("auth;dur=") && value.contains("db;dur="))
        }
        #expect(t.send(.delete, "/healthz").headers["Allow"] != nil)
    }

    @Test("the database holds no raw session id, refresh token or password")
    func storageHoldsHashesOnly() throws {
        let t = try TestApp()
        t.register("alice", password: "a-very-secret-pw")
        let (sid, _) = try t.sessionLogin("alice", password: "a-very-secret-pw")
        let (access, refresh) = try t.jwtLogin("alice", password: "a-very-secret-pw")
        var bytes: [UInt8] = []
        for suffix in ["", "-wal"] {
            if let data = FileManager.default.contents(atPath: t.databasePath + suffix) {
                bytes += [UInt8](data)
            }
        }
        #expect(bytes.count > 0)
        for secret in [sid, refresh, access, "a-very-secret-pw"] {
            #expect(!contains(bytes, Array(secret.utf8)), "found a secret in the database file")
        }
    }

    @Test("a restart keeps sessions and the signing key")
    func restartKeepsState() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "authlab-restart-\(UUID().uuidString)")
        var sid = ""
        var access = ""
        do {
            let first = try TestApp(directory: directory)
            first.register("alice")
            sid = try first.sessionLogin("alice").sid
            access = try first.jwtLogin("alice").access
        }
        let second = try TestApp(directory: directory)
        #expect(second.send(.get, "/session/me", headers: [("Cookie", "sid=\(sid)")]).status == .ok)
        #expect(
            second.send(.get, "/jwt/me", headers: [("Authorization", "Bearer \(access)")]).status
                == .ok)
    }

    @Test("JWKS is empty for HMAC and public-only for asymmetric keys")
    func jwks() throws {
        let hmac = try TestApp()
        #expect(hmac.send(.get, "/.well-known/jwks.json").json["keys"] == .array([]))
        let ec = try TestApp { $0.jwtAlgorithm = .es256 }
        let keys = ec.send(.get, "/.well-known/jwks.json").json["keys"]
        guard case .array(let list)? = keys, let key = list.first else {
            Issue.record("no key published")
            return
        }
        #expect(key["kty"]?.stringValue == "EC")
        #expect(key["d"] == nil)
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0]
            && Array(haystack[start..<start + needle.count]) == needle
        {
            return true
        }
        return false
    }
}
