import Synchronization

/// A Lua script run atomically by Redis with `EVALSHA`, loaded on first use and
/// again whenever the server answers `NOSCRIPT` (after a restart or `SCRIPT FLUSH`).
public final class RedisScript: Sendable {
    /// The Lua source.
    public let source: String
    private let sha = Mutex<String?>(nil)

    public init(_ source: String) {
        self.source = source
    }

    fileprivate var loadedSHA: String? { sha.withLock { $0 } }

    fileprivate func remember(_ value: String) { sha.withLock { $0 = value } }
}

extension RedisConnection {
    /// Runs `script` with `keys` and `arguments` (`EVALSHA`, loading it when needed).
    public func evaluate(_ script: RedisScript, keys: [String], arguments: [String])
        throws(RedisError) -> RedisReply
    {
        let tail = [String(keys.count)] + keys + arguments
        if let sha = script.loadedSHA {
            do {
                return try command(["EVALSHA", sha] + tail)
            } catch  where error.isNoScript {
                // fall through: load it again
            }
        }
        guard let sha = try command(["SCRIPT", "LOAD", script.source]).string else {
            throw RedisError.unexpected("SCRIPT LOAD did not answer a digest")
        }
        script.remember(sha)
        return try command(["EVALSHA", sha] + tail)
    }
}
