import AuthLabRedis
import Testing

@Suite("RedisEndpoint")
struct RedisEndpointTests {
    @Test("redis://HOST[:PORT][/DB] parses with defaults 6379 and 0")
    func parses() throws {
        #expect(try RedisEndpoint(url: "redis://127.0.0.1") == RedisEndpoint(host: "127.0.0.1"))
        #expect(
            try RedisEndpoint(url: "redis://localhost:6380/3")
                == RedisEndpoint(host: "localhost", port: 6380, database: 3))
        #expect(
            try RedisEndpoint(url: "redis://[::1]:7000/") == RedisEndpoint(host: "::1", port: 7000))
        #expect(RedisEndpoint(host: "::1", port: 7000).description == "redis://[::1]:7000/0")
    }

    @Test("credentials, other schemes, bad ports and bad databases are refused")
    func refuses() {
        for url in [
            "http://127.0.0.1", "rediss://127.0.0.1", "redis://", "redis://:6379",
            "redis://user:secret@127.0.0.1", "redis://127.0.0.1:0", "redis://127.0.0.1:65536",
            "redis://127.0.0.1:port", "redis://127.0.0.1/x", "redis://127.0.0.1/99999",
            "redis://127.0.0.1?db=1", "redis://host name", "redis://[::1", "redis://127.0.0.1:-1",
        ] {
            #expect(throws: RedisError.self, "\(url)") { try RedisEndpoint(url: url) }
        }
    }

    @Test("a refused URL's message does not echo the credentials")
    func noSecretInError() {
        do {
            _ = try RedisEndpoint(url: "redis://user:hunter2@127.0.0.1")
            Issue.record("accepted credentials")
        } catch {
            #expect(error.code == .invalidURL)
            #expect(!error.description.contains("hunter2"))
        }
    }
}
