import Synchronization

/// What we know about one request while MHD calls us for it, kept in MHD's `con_cls`.
///
/// Created by the URI-log callback (so the raw request target survives), released by the
/// request-completed callback.
// @unchecked Sendable: every `var` is touched only from the MHD thread that owns the
// connection (MHD serialises all callbacks of a connection on its thread); the one field a
// worker thread writes, `outcome`, is behind a Mutex, and MHD_resume_connection orders it.
final class ConnectionState: @unchecked Sendable {
    /// The raw request target (`/path?query`), as sent.
    let target: String
    var started = false
    /// The body arrived and the request went to the router (counted in `dispatched`).
    var dispatched = false
    var startNanos: UInt64 = 0
    var method = HTTPMethod.get
    var headers = HTTPHeaders()
    var body: [UInt8] = []
    /// A response (an early error) is already queued; further body bytes are discarded.
    var answered = false
    /// The body passed `maxBodyBytes` while streaming; the rest is dropped, 413 at the end.
    var overflowed = false
    var discarded = 0
    /// The request runs on the worker pool; the connection is suspended until `outcome`.
    var offloaded = false
    var template = RouterResponder<BasicRequestContext>.unmatchedTemplate
    /// The offloaded response, written by the worker before it resumes the connection.
    let outcome = Mutex<Response?>(nil)

    init(target: String) {
        self.target = target
    }

    /// The path part of the target (for the access log and the request).
    var pathAndQuery: (path: String, query: String?) {
        Request.split(target: target)
    }
}
