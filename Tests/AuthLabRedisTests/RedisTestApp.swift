import AuthLab
import AuthLabHTTP
import AuthLabJSON
import Foundation
import Testing

/// An `Application` with `--session-store redis://...` (its own key prefix) and a fresh
/// SQLite file for the users, driven in-process through its responder.
struct RedisTestApp {
    let app: Application
    let prefix: String

    init(storeURL: String? = nil, configure: (inout AppConfig) -> Void = { _ in }) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "authlab-redis-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var config = AppConfig()
        config.databasePath = directory.appendingPathComponent("users.sqlite").path
        config.sessionStore = try storeURL ?? #require(TestRedis.url)
        config.redisKeyPrefix = TestRedis.uniquePrefix()
        config.argon2MemoryKiB = 64
        config.argon2Iterations = 1
        config.accessLog = false
        configure(&config)
        prefix = config.redisKeyPrefix
        app = try Application(config: config, log: { _ in })
    }

    /// Sends one request and returns the response.
    func send(
        _ method: HTTPMethod, _ target: String, json: JSONValue? = nil,
        headers: [(String, String)] = []
    ) -> Response {
        var fields = HTTPHeaders(headers)
        var body: [UInt8] = []
        if let json {
            body = JSONWriter.serialize(json)
            fields.add(name: "Content-Type", value: "application/json")
        }
        var request = Request(method: method, target: target, headers: fields, body: body)
        request.remoteAddress = "127.0.0.1"
        let route = app.responder.resolve(&request)
        return app.responder.respond(to: request, route: route)
    }

    /// Registers `name` and logs in on the session side: the cookie value and CSRF token.
    func sessionLogin(_ name: String, register: Bool = true) throws -> (sid: String, csrf: String) {
        let credentials: JSONValue = ["username": .string(name), "password": "correct horse"]
        if register { #expect(send(.post, "/users", json: credentials).status == .created) }
        let response = send(.post, "/session/login", json: credentials)
        let cookie = try #require(response.headers["Set-Cookie"], "\(response.json)")
        let sid = String(cookie.dropFirst(4).prefix { $0 != ";" })
        return (sid, try #require(response.json["csrf_token"]?.stringValue))
    }

    /// Registers `name` and logs in on the token side: the access and refresh tokens.
    func jwtLogin(_ name: String, register: Bool = true) throws -> (access: String, refresh: String)
    {
        let credentials: JSONValue = ["username": .string(name), "password": "correct horse"]
        if register { #expect(send(.post, "/users", json: credentials).status == .created) }
        let response = send(.post, "/jwt/login", json: credentials)
        return (
            try #require(response.json["access_token"]?.stringValue, "\(response.json)"),
            try #require(response.json["refresh_token"]?.stringValue)
        )
    }

    func me(sid: String) -> Response {
        send(.get, "/session/me", headers: [("Cookie", "sid=\(sid)")])
    }

    func refresh(_ token: String) -> Response {
        send(.post, "/jwt/refresh", json: ["refresh_token": .string(token)])
    }

    /// The keys of this app in Redis (a direct connection, for white-box checks).
    func keys() throws -> [String] {
        let reply = try TestRedis.connect().command(["KEYS", prefix + "*"])
        return (reply.array ?? []).compactMap(\.string).map { String($0.dropFirst(prefix.count)) }
    }

    /// Seconds to live of one of this app's keys (`-2`: gone).
    func ttl(_ key: String) throws -> Int64? {
        try TestRedis.connect().command(["TTL", prefix + key]).int64
    }
}

extension Response {
    /// The body parsed as JSON (`null` when it is not JSON).
    var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }
    /// The `error` code of a JSON error body.
    var errorCode: String? { json["error"]?.stringValue }
}
