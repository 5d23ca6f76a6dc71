import AuthLabRedis
import Foundation
import Glibc
import Testing

/// The Redis server the tests talk to: `AUTHLAB_TEST_REDIS_URL`, set by
/// scripts/test.d/85-redis-cluster.sh, which starts a private redis-server. In a plain
/// `swift test` the variable is unset and the suites that need Redis do not run.
enum TestRedis {
    static let url = ProcessInfo.processInfo.environment["AUTHLAB_TEST_REDIS_URL"]
    /// Set by the stage script: the suites must run, so a missing URL is a failure.
    static let required = ProcessInfo.processInfo.environment["AUTHLAB_TEST_REDIS_REQUIRED"] == "1"
    static let available = url != nil
    static let reason: Comment =
        "set AUTHLAB_TEST_REDIS_URL (scripts/test.d/85-redis-cluster.sh does)"

    static func endpoint() throws -> RedisEndpoint {
        try RedisEndpoint(url: try #require(url))
    }

    /// A key prefix of its own, so tests running in parallel never share a key.
    static func uniquePrefix() -> String {
        "authlab-test-\(UUID().uuidString.prefix(8)):"
    }

    static func connect(commandTimeout: Duration = .milliseconds(500)) throws -> RedisConnection {
        try RedisConnection(
            endpoint: try endpoint(), connectTimeout: .milliseconds(200),
            commandTimeout: commandTimeout)
    }

    /// A 127.0.0.1 port on which nothing listens right now.
    static func closedPort() throws -> Int {
        let server = try SilentServer()
        return server.port
    }
}

/// A TCP listener on 127.0.0.1 that never accepts and never answers: connections
/// succeed (the kernel completes them) and every command then waits for ever.
final class SilentServer {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(descriptor, raw, length) == 0 && listen(descriptor, 16) == 0
                    && getsockname(descriptor, raw, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw SilentServerError()
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        close(descriptor)
    }
}

struct SilentServerError: Error {}

@Suite("Redis test server")
struct TestRedisTests {
    @Test("the stage that requires Redis has given its URL", .enabled(if: TestRedis.required))
    func urlIsSet() throws {
        let url = try #require(TestRedis.url, "AUTHLAB_TEST_REDIS_URL is not set")
        let connection = try TestRedis.connect()
        #expect(try connection.command(["PING"]) == .status("PONG"), "\(url)")
    }
}
