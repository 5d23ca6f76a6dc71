/// Why the server could not start.
public struct HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable code: `invalid_host`, `already_started`, `start_failed`, `worker_pool_failed`.
    public var code: String
    public var description: String

    public init(code: String, description: String) {
        self.code = code
        self.description = description
    }

    static let invalidHost = HTTPServerError(
        code: "invalid_host", description: "The host must be an IPv4 or IPv6 address literal.")
    static let alreadyStarted = HTTPServerError(
        code: "already_started", description: "The server was already started.")
    static let startFailed = HTTPServerError(
        code: "start_failed",
        description: "microhttpd could not start (port in use, bad option or no resources).")
    static let workerPoolFailed = HTTPServerError(
        code: "worker_pool_failed", description: "The worker threads could not be created.")
}
