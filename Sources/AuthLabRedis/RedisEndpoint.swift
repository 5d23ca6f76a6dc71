/// Where a Redis server listens: parsed from `redis://HOST[:PORT][/DB]`.
///
/// No credentials and no TLS: authlab expects a Redis on a private interface
/// (127.0.0.1 in the cluster script), so a URL with `user:password@` is refused
/// rather than silently sent in clear text.
public struct RedisEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// Host name or IP address (IPv6 without brackets).
    public let host: String
    public let port: Int
    /// Logical database selected after connecting (`SELECT`).
    public let database: Int

    public init(host: String, port: Int = 6379, database: Int = 0) {
        self.host = host
        self.port = port
        self.database = database
    }

    /// Parses `redis://HOST[:PORT][/DB]`, e.g. `redis://127.0.0.1:6379/0`.
    public init(url: String) throws(RedisError) {
        let scheme = "redis://"
        guard url.hasPrefix(scheme) else {
            throw RedisError(
                .invalidURL, "a Redis URL starts with redis:// (rediss:// is not supported)")
        }
        var rest = Substring(url.dropFirst(scheme.count))
        guard !rest.contains("@") else {
            throw RedisError(.invalidURL, "credentials in the Redis URL are not supported")
        }
        guard !rest.contains("?"), !rest.contains("#") else {
            throw RedisError(.invalidURL, "the Redis URL takes no query or fragment")
        }
        var database = 0
        if let slash = rest.firstIndex(of: "/") {
            let path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
            if !path.isEmpty {
                guard let number = Self.number(path, in: 0...65_535) else {
                    throw RedisError(.invalidURL, "the database after '/' must be a number 0-65535")
                }
                database = number
            }
        }
        var host = rest
        var port = 6379
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw RedisError(.invalidURL, "an IPv6 host needs a closing ']'")
            }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"),
                    let number = Self.number(after.dropFirst(), in: 1...65_535)
                else { throw RedisError(.invalidURL, "the port must be a number 1-65535") }
                port = number
            }
        } else if let colon = rest.firstIndex(of: ":") {
            host = rest[..<colon]
            guard let number = Self.number(rest[rest.index(after: colon)...], in: 1...65_535) else {
                throw RedisError(.invalidURL, "the port must be a number 1-65535")
            }
            port = number
        }
        guard !host.isEmpty, host.utf8.count <= 253,
            host.allSatisfy({ $0.isLetter || $0.isNumber || ".-_:".contains($0) }),
            host.allSatisfy(\.isASCII)
        else { throw RedisError(.invalidURL, "the Redis URL needs a host name or IP address") }
        self.init(host: String(host), port: port, database: database)
    }

    /// `redis://host:port/db`.
    public var description: String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "redis://\(shown):\(port)/\(database)"
    }

    private static func number(_ text: Substring, in range: ClosedRange<Int>) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 5, text.allSatisfy(\.isASCII),
            text.allSatisfy(\.isNumber), let value = Int(text), range.contains(value)
        else { return nil }
        return value
    }
}
