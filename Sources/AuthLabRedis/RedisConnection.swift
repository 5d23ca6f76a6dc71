internal import CHiredis
import Glibc

/// One blocking hiredis connection: the only owner of its `redisContext*`, freed in
/// `deinit`.
///
/// Every connection is made with a connect timeout and given a command timeout
/// (`SO_RCVTIMEO`/`SO_SNDTIMEO` through `redisSetTimeout`), so no call waits for
/// Redis longer than that. After an I/O error hiredis leaves the context unusable:
/// `isBroken` turns true and the pool throws the connection away.
///
/// Not Sendable: one thread uses a connection at a time; `RedisPool` hands them out.
public final class RedisConnection {
    private let context: UnsafeMutablePointer<redisContext>
    /// Where this connection goes.
    public let endpoint: RedisEndpoint
    /// True once an I/O or protocol error made the connection unusable.
    public private(set) var isBroken = false
    /// Commands sent on this connection (each command of a pipeline counts).
    public private(set) var commandCount = 0

    /// Connects, sets the command timeout and selects the endpoint's database.
    public init(endpoint: RedisEndpoint, connectTimeout: Duration, commandTimeout: Duration)
        throws(RedisError)
    {
        let address = "\(endpoint.host):\(endpoint.port)"
        guard
            let context = redisConnectWithTimeout(
                endpoint.host, Int32(clamping: endpoint.port), Self.timeval(connectTimeout))
        else { throw RedisError(.connectFailed, "cannot allocate a Redis context") }
        if context.pointee.err != 0 {
            let reason = Self.errorText(context)
            redisFree(context)
            throw RedisError(.connectFailed, "cannot connect to Redis at \(address): \(reason)")
        }
        self.context = context
        self.endpoint = endpoint
        // From here on, a throw releases self and deinit frees the context.
        guard redisSetTimeout(context, Self.timeval(commandTimeout)) == REDIS_OK else {
            throw RedisError(.connectFailed, "cannot set the Redis command timeout")
        }
        if endpoint.database != 0 {
            do {
                _ = try command(["SELECT", String(endpoint.database)])
            } catch {
                throw RedisError(
                    .connectFailed, "cannot select Redis database: \(error.description)")
            }
        }
    }

    deinit {
        redisFree(context)
    }

    /// Sends one command and waits for its reply; an error reply throws `.server`.
    public func command(_ arguments: [String]) throws(RedisError) -> RedisReply {
        let reply = try pipeline([arguments])
        guard let first = reply.first else { throw RedisError.unexpected("no reply") }
        if case .error(let message) = first { throw RedisError(.server, message) }
        return first
    }

    /// Sends several commands in one write and reads their replies in order (one round
    /// trip). Error replies come back as `.error` values, not thrown.
    public func pipeline(_ commands: [[String]]) throws(RedisError) -> [RedisReply] {
        guard !isBroken else { throw RedisError(.connectionLost, "the Redis connection is broken") }
        for arguments in commands {
            let status = Self.withArgv(arguments) { argc, argv, lengths in
                redisAppendCommandArgv(context, argc, argv, lengths)
            }
            guard status == REDIS_OK else { throw fail() }
            commandCount += 1
        }
        var replies: [RedisReply] = []
        replies.reserveCapacity(commands.count)
        for _ in commands {
            var raw: UnsafeMutableRawPointer?
            guard redisGetReply(context, &raw) == REDIS_OK, let raw else { throw fail() }
            defer { freeReplyObject(raw) }
            replies.append(RedisReply(raw.assumingMemoryBound(to: redisReply.self)))
        }
        return replies
    }

    /// Marks the connection broken and turns hiredis's error into a `RedisError`.
    private func fail() -> RedisError {
        let savedErrno = errno
        isBroken = true
        let reason = Self.errorText(context)
        let address = "\(endpoint.host):\(endpoint.port)"
        switch context.pointee.err {
        case REDIS_ERR_IO where savedErrno == EAGAIN || savedErrno == EWOULDBLOCK:
            return RedisError(.timeout, "Redis at \(address) did not answer in time")
        case REDIS_ERR_EOF:
            return RedisError(.connectionLost, "Redis at \(address) closed the connection")
        case REDIS_ERR_PROTOCOL:
            return RedisError(.protocolError, "Redis at \(address) sent an invalid reply")
        default:
            return RedisError(
                .connectionLost, "lost the connection to Redis at \(address): \(reason)")
        }
    }

    private static func errorText(_ context: UnsafeMutablePointer<redisContext>) -> String {
        withUnsafeBytes(of: &context.pointee.errstr) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private static func timeval(_ duration: Duration) -> Glibc.timeval {
        let (seconds, attoseconds) = duration.components
        return Glibc.timeval(
            tv_sec: Int(max(0, seconds)), tv_usec: Int(max(0, attoseconds / 1_000_000_000_000)))
    }

    /// Lays the arguments out in one buffer and calls `body` with hiredis's
    /// `argc`, `argv` and `argvlen` (binary-safe: lengths are explicit).
    private static func withArgv<R>(
        _ arguments: [String],
        _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> R
    ) -> R {
        precondition(!arguments.isEmpty, "a Redis command has at least its name")
        var bytes: [CChar] = []
        var offsets: [Int] = []
        var lengths: [Int] = []
        for argument in arguments {
            offsets.append(bytes.count)
            lengths.append(argument.utf8.count)
            bytes.append(contentsOf: argument.utf8.map { CChar(bitPattern: $0) })
        }
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            var pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                buffer.baseAddress.map { $0 + offset }
            }
            return pointers.withUnsafeMutableBufferPointer { argv in
                lengths.withUnsafeBufferPointer { lens in
                    guard let argvBase = argv.baseAddress, let lengthBase = lens.baseAddress else {
                        preconditionFailure("non-empty arrays have storage")
                    }
                    // A command has a handful of arguments: Int32 cannot overflow.
                    return body(Int32(truncatingIfNeeded: arguments.count), argvBase, lengthBase)
                }
            }
        }
    }
}
