internal import CMicroHTTPD

#if canImport(Glibc)
    internal import Glibc
#endif

extension ServerCore {
    /// A response made by the server itself, with the configured `Server-Timing`.
    func serverResponse(_ error: HTTPResponseError) -> Response {
        var response = error.response
        if let timing = configuration.serverTiming {
            response.headers.add(name: "Server-Timing", value: timing)
        }
        return response
    }

    /// Queues a server-made error (413, 431, 400, 503) and ignores the rest of the request.
    func reject(
        _ error: HTTPResponseError, _ state: ConnectionState, _ connection: OpaquePointer
    ) -> MHD_Result {
        state.answered = true
        state.template = "rejected"
        return answer(serverResponse(error), state, connection)
    }

    /// Queues `response`, then counts and logs it.
    func answer(
        _ response: Response, _ state: ConnectionState, _ connection: OpaquePointer
    ) -> MHD_Result {
        state.answered = true
        let queued = ServerCore.queue(response, on: connection)
        let seconds = MonotonicClock.seconds(since: state.startNanos)
        metrics.record(
            route: state.template, method: state.method, status: response.status.code,
            seconds: seconds)
        if configuration.accessLog {
            let micros = Int(min(seconds, 1e6) * 1e6)
            let fraction = String(micros % 1000)
            let padded = String(repeating: "0", count: 3 - fraction.count) + fraction
            log.write(
                "\(state.method.rawValue) \(state.pathAndQuery.path) \(response.status.code) "
                    + "\(micros / 1000).\(padded)ms")
        }
        if queued != .YES {
            log.write("could not queue a \(response.status.code) response; closing the connection")
        }
        return queued
    }

    /// Copies the response into an MHD response, adds safe headers, queues and releases it.
    static func queue(_ response: Response, on connection: OpaquePointer) -> MHD_Result {
        let status = (100...999).contains(response.status.code) ? response.status.code : 500
        let body = response.status.forbidsBody ? [] : response.body
        return body.withUnsafeBytes { bytes in
            guard
                let mhdResponse = MHD_create_response_from_buffer(
                    bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                    .RESPMEM_MUST_COPY)
            else { return .NO }
            defer { MHD_destroy_response(mhdResponse) }
            for field in response.headers {
                guard HeaderText.isSafeOnWire(field.name), HeaderText.isSafeOnWire(field.value)
                else { continue }
                _ = MHD_add_response_header(mhdResponse, field.name, field.value)
            }
            return MHD_queue_response(connection, UInt32(status), mhdResponse)
        }
    }

    /// The client IP as text, or "" when MHD does not know it.
    static func clientAddress(_ connection: OpaquePointer) -> String {
        var storage = sockaddr_storage()
        let family = CMicroHTTPD_client_address(connection, &storage)
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let ok = withUnsafePointer(to: &storage) { pointer -> Bool in
            switch family {
            case AF_INET:
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { addr in
                    var raw = addr.pointee.sin_addr
                    return inet_ntop(AF_INET, &raw, &text, socklen_t(text.count)) != nil
                }
            case AF_INET6:
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { addr in
                    var raw = addr.pointee.sin6_addr
                    return inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count)) != nil
                }
            default:
                return false
            }
        }
        guard ok else { return "" }
        return text.withUnsafeBufferPointer { pointer in
            pointer.withMemoryRebound(to: UInt8.self) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
    }
}
