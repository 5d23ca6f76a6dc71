import AuthLab
import AuthLabHTTP
import AuthLabJSON
import Foundation
import Testing

/// An `Application` on a fresh temporary database, driven in-process through its
/// responder (no sockets), with cheap Argon2 parameters.
struct TestApp {
    let app: Application
    let directory: URL

    init(directory: URL? = nil, configure: (inout AppConfig) -> Void = { _ in }) throws {
        let directory =
            directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "authlab-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var config = AppConfig()
        config.databasePath = directory.appendingPathComponent("test.sqlite").path
        config.argon2MemoryKiB = 64
        config.argon2Iterations = 1
        config.accessLog = false
        configure(&config)
        self.directory = directory
        self.app = try Application(config: config, log: { _ in })
    }

    var databasePath: String { app.config.databasePath }

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

    /// Registers `name` with a fixed password.
    @discardableResult
    func register(_ name: String, password: String = "correct horse") -> Response {
        send(.post, "/users", json: ["username": .string(name), "password": .string(password)])
    }

    /// Logs in on the session side; returns the cookie value and the CSRF token.
    func sessionLogin(_ name: String, password: String = "correct horse") throws -> (
        sid: String, csrf: String
    ) {
        let response = send(
            .post, "/session/login",
            json: ["username": .string(name), "password": .string(password)])
        let cookie = try #require(response.headers["Set-Cookie"])
        let sid = String(cookie.dropFirst(4).prefix { $0 != ";" })
        let csrf = try #require(response.json["csrf_token"]?.stringValue)
        return (sid, csrf)
    }

    /// Logs in on the token side; returns the access and refresh tokens.
    func jwtLogin(_ name: String, password: String = "correct horse") throws -> (
        access: String, refresh: String
    ) {
        let response = send(
            .post, "/jwt/login", json: ["username": .string(name), "password": .string(password)])
        return (
            try #require(response.json["access_token"]?.stringValue),
            try #require(response.json["refresh_token"]?.stringValue)
        )
    }
}

extension Response {
    /// The body parsed as JSON (`null` when it is not JSON).
    var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }
    /// The `error` code of a JSON error body.
    var errorCode: String? { json["error"]?.stringValue }
}
