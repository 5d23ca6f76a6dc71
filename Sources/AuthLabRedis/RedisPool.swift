import Glibc

/// A small pool of `RedisConnection`s shared by the serving threads.
///
/// A Mutex-protected free list: a caller takes an idle connection or, when none is
/// idle, opens a new one, so no caller ever waits for another. Since each thread
/// holds at most one connection at a time, the connections in use never outnumber
/// the threads; at most `idleCapacity` are kept when they come back.
///
/// A connection that failed is dropped, never returned: the next caller connects
/// afresh, which is how the pool recovers when Redis comes back. A pooled
/// connection found closed (Redis restarted while it sat idle) is replaced once,
/// transparently; a timeout is never retried, so no call waits longer than one
/// connect plus one command timeout.
public final class RedisPool: Sendable {
    public let endpoint: RedisEndpoint
    private let connectTimeout: Duration
    private let commandTimeout: Duration
    private let idleCapacity: Int
    private let free = Locked<[RedisConnection]>([])

    /// - Parameters:
    ///   - connectTimeout: the longest wait for a TCP connection (default 200 ms).
    ///   - commandTimeout: the longest wait for a reply (default 500 ms).
    ///   - idleCapacity: connections kept for reuse (one per serving thread).
    public init(
        endpoint: RedisEndpoint, connectTimeout: Duration = .milliseconds(200),
        commandTimeout: Duration = .milliseconds(500), idleCapacity: Int = 4
    ) {
        self.endpoint = endpoint
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.idleCapacity = max(1, idleCapacity)
        // hiredis writes with write(2): a write to a connection Redis closed would
        // raise SIGPIPE and end the process. The error return is all we need.
        signal(SIGPIPE, SIG_IGN)
    }

    /// Connections idle in the pool right now.
    public var idleCount: Int { free.withLock { $0.count } }

    /// Lends a connection to `body`, adding its commands and time to `usage`.
    public func withConnection<T>(
        usage: inout RedisUsage, _ body: (RedisConnection) throws -> T
    ) throws -> T {
        let start = ContinuousClock.now
        defer { usage.duration += start.duration(to: .now) }
        let pooled = free.withLock { $0.popLast() }
        do {
            return try run(pooled ?? connect(), usage: &usage, body)
        } catch let error as RedisError where pooled != nil && error.code == .connectionLost {
            return try run(connect(), usage: &usage, body)
        }
    }

    /// Lends a connection to `body` without accounting.
    public func withConnection<T>(_ body: (RedisConnection) throws -> T) throws -> T {
        var usage = RedisUsage()
        return try withConnection(usage: &usage, body)
    }

    /// Drops the idle connections (those in use are dropped as they come back broken
    /// or kept if healthy).
    public func drain() {
        let idle = free.withLock { list in
            defer { list = [] }
            return list
        }
        _ = idle  // released here, outside the lock
    }

    private func connect() throws(RedisError) -> RedisConnection {
        try RedisConnection(
            endpoint: endpoint, connectTimeout: connectTimeout, commandTimeout: commandTimeout)
    }

    private func run<T>(
        _ connection: RedisConnection, usage: inout RedisUsage,
        _ body: (RedisConnection) throws -> T
    ) throws -> T {
        let before = connection.commandCount
        defer {
            usage.commands += connection.commandCount - before
            if !connection.isBroken { checkIn(connection) }
        }
        return try body(connection)
    }

    private func checkIn(_ connection: RedisConnection) {
        let dropped: RedisConnection? = free.withLock { list in
            guard list.count < idleCapacity else { return connection }
            list.append(connection)
            return nil
        }
        _ = dropped  // an extra connection closes here, outside the lock
    }
}
