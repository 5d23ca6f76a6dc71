/// A failure to talk to Redis: a stable `code` and a human `description` that never
/// contains a key, an argument or a reply value.
public struct RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure, stable strings for logs and tests.
    public enum Code: String, Sendable {
        /// The `redis://` URL cannot be used.
        case invalidURL = "invalid_url"
        /// No connection could be made (refused, unreachable, connect timeout).
        case connectFailed = "connect_failed"
        /// Redis did not answer within the command timeout.
        case timeout
        /// The connection broke (Redis closed it or restarted).
        case connectionLost = "connection_lost"
        /// Redis sent bytes that are not RESP.
        case protocolError = "protocol_error"
        /// Redis answered with an error reply (`-ERR ...`).
        case server
        /// The reply does not have the shape the caller expects.
        case unexpectedReply = "unexpected_reply"
    }

    public let code: Code
    public let description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    /// Whether the connection that raised it must be thrown away.
    public var breaksConnection: Bool {
        switch code {
        case .connectFailed, .timeout, .connectionLost, .protocolError: true
        case .invalidURL, .server, .unexpectedReply: false
        }
    }

    /// Whether the store is unreachable or refusing work right now (as opposed to a
    /// bug in a command): the caller should answer "unavailable, retry".
    public var isUnavailable: Bool {
        if breaksConnection { return true }
        guard code == .server else { return false }
        // Error replies Redis sends while it cannot serve: loading a dump, a busy
        // script, a read-only replica, out of memory, failing to persist.
        let prefixes = ["LOADING", "BUSY", "READONLY", "OOM", "MISCONF", "MASTERDOWN", "TRYAGAIN"]
        return prefixes.contains { description.hasPrefix($0) }
    }

    /// The `NOSCRIPT` reply to `EVALSHA` of a script the server does not hold.
    var isNoScript: Bool { code == .server && description.hasPrefix("NOSCRIPT") }

    static func unexpected(_ what: String) -> RedisError {
        RedisError(.unexpectedReply, "unexpected Redis reply: \(what)")
    }
}
