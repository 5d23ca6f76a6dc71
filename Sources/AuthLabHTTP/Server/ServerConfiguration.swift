#if canImport(Glibc)
    internal import Glibc
#endif

/// Every knob of `HTTPServer`, with the defaults in one place.
///
/// - `host`/`port`: where to listen; `127.0.0.1` and 8080 by default. Port 0 picks a free
///   port; `HTTPServer.port` holds the real one after `start()`.
/// - `threads`: MHD's internal epoll thread pool (`.THREAD_POOL_SIZE`); one per core.
/// - `maxBodyBytes` (64 KiB): larger bodies get 413 `payload_too_large`, decided from
///   `Content-Length` before any body is read, and enforced while reading chunked bodies.
/// - `maxHeaderBytes` (16 KiB): request line plus header lines (with CRLFs) above this get
///   431 `header_too_large` (JSON, with `Server-Timing`). MHD must first hold the block in its
///   per-connection memory pool (`MHD_OPTION_CONNECTION_MEMORY_LIMIT` = `connectionMemoryLimit`,
///   32 KiB, never less than 2 × `maxHeaderBytes`): measured on 0.9.75, blocks up to about the
///   pool size minus 1 KiB reach us; larger ones are refused by MHD itself with a 431 and a
///   small HTML body (no JSON, no `Server-Timing`), then the connection is closed. The pool is
///   not bigger by default because MHD zeroes it for every request: 128 KiB cost about a
///   quarter of the `/healthz` throughput.
/// - `connectionLimit` (1024, `.CONNECTION_LIMIT`): further connections are not
///   accepted: they wait in the kernel's listen backlog until a slot frees (measured in
///   docs/reliability.md, "Slow clients").
/// - `perClientLimit` (0 = no limit, `.PER_IP_CONNECTION_LIMIT`): connections per
///   client IP. Off by default because local benchmarks and reverse proxies share one IP.
/// - `connectionTimeout` (30 s, `.CONNECTION_TIMEOUT`): idle seconds before MHD
///   closes a connection (keep-alive or a stalled upload); 0 disables it.
/// - `workerThreads` (cores) and `workerQueueLimit` (64): the pool for `offload: true`
///   routes; when `workerQueueLimit` jobs already wait, the answer is 503 `overloaded`.
/// - `shutdownTimeout` (10 s): how long `stop()` waits for in-flight requests.
/// - `accessLog`: one line per request (method, path, status, ms) to `log`.
/// - `serverTiming`: the `Server-Timing` value put on responses the server makes itself
///   (413, 431, 400, 503, 500), which never pass through the app's middleware.
public struct ServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    public var threads: Int = ServerConfiguration.cores
    public var maxBodyBytes: Int = 65536
    public var maxHeaderBytes: Int = 16384
    public var connectionMemoryLimit: Int = 32 * 1024
    public var connectionLimit: Int = 1024
    public var perClientLimit: Int = 0
    public var connectionTimeout: Int = 30
    public var workerThreads: Int = ServerConfiguration.cores
    public var workerQueueLimit: Int = 64
    /// Nice value of the worker threads (0–19). Above 0, slow offloaded work (Argon2)
    /// yields the cores to the serving threads whenever both want them.
    public var workerNiceness: Int32 = 10
    public var shutdownTimeout: Double = 10
    public var accessLog: Bool = true
    public var serverTiming: String? = #"auth;dur=0;desc="none", db;dur=0;desc="none""#
    public var log: LogSink = .standardError

    public init() {}

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }

    /// Online processors, at least 1.
    public static var cores: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
