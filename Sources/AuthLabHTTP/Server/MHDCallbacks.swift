internal import CMicroHTTPD

#if canImport(Glibc)
    internal import Glibc
#endif

// Every function MHD calls lives here: plain, non-isolated, top-level functions usable as
// @convention(c) pointers. They capture nothing; state arrives through `cls` (the
// `ServerCore`, unretained: the HTTPServer owns it and outlives the daemon) and `con_cls`
// (a retained `ConnectionState`, released in `mhdRequestCompleted`).

/// MHD_AccessHandlerCallback: called once with headers, once per body chunk, once at the end,
/// and again after an offloaded request resumes its connection.
func mhdAccessHandler(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ url: UnsafePointer<CChar>?, _ method: UnsafePointer<CChar>?,
    _ version: UnsafePointer<CChar>?, _ uploadData: UnsafePointer<CChar>?,
    _ uploadDataSize: UnsafeMutablePointer<Int>?,
    _ conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let cls, let connection, let conCls, let uploadDataSize else { return .NO }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let state: ConnectionState
    if let existing = conCls.pointee {
        state = Unmanaged<ConnectionState>.fromOpaque(existing).takeUnretainedValue()
    } else {
        // Only if the URI-log callback did not run: fall back to MHD's parsed path.
        let target = url.map { HeaderText.decode($0, count: strlen($0)).text } ?? "/"
        state = core.makeState(target: target)
        conCls.pointee = Unmanaged.passRetained(state).toOpaque()
    }
    if !state.started {
        return core.begin(state, connection, method: method, version: version)
    }
    if state.offloaded {
        return core.finishOffloaded(state, connection)
    }
    if uploadDataSize.pointee > 0 {
        let count = uploadDataSize.pointee
        uploadDataSize.pointee = 0
        return core.receive(state, connection, uploadData, count: count)
    }
    return core.dispatch(state, connection)
}

/// .URI_LOG_CALLBACK: sees the raw request target first; its result is `con_cls`.
func mhdURILog(
    _ cls: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?, _ connection: OpaquePointer?
) -> UnsafeMutableRawPointer? {
    guard let cls else { return nil }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let target = uri.map { HeaderText.decode($0, count: strlen($0)).text } ?? "/"
    return Unmanaged.passRetained(core.makeState(target: target)).toOpaque()
}

/// .NOTIFY_COMPLETED: the request is over (answered, aborted or timed out).
func mhdRequestCompleted(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
    _ reason: MHD_RequestTerminationCode
) {
    guard let cls, let conCls, let raw = conCls.pointee else { return }
    conCls.pointee = nil
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let state = Unmanaged<ConnectionState>.fromOpaque(raw).takeRetainedValue()
    core.completed(state)
}

/// .UNESCAPE_CALLBACK: keep the path and arguments raw (no percent-decoding).
func mhdKeepRaw(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ text: UnsafeMutablePointer<CChar>?
) -> Int {
    guard let text else { return 0 }
    return strlen(text)
}

/// .EXTERNAL_LOGGER: MHD's own error messages, one line each, into our log.
func mhdLog(
    _ cls: UnsafeMutableRawPointer?, _ format: UnsafePointer<CChar>?, _ arguments: CVaListPointer?
) {
    guard let cls, let format, let arguments else { return }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    var buffer = [CChar](repeating: 0, count: 512)
    let length = buffer.withUnsafeMutableBufferPointer { pointer in
        Int(vsnprintf(pointer.baseAddress, pointer.count, format, arguments))
    }
    guard length > 0 else { return }
    let count = min(length, buffer.count - 1)
    var line = buffer.withUnsafeBufferPointer { pointer in
        pointer.withMemoryRebound(to: UInt8.self) {
            String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self)
        }
    }
    while line.last == "\n" {
        line.removeLast()
    }
    core.log.write("microhttpd: " + line)
}

/// MHD_KeyValueIteratorN over request headers: collects fields and counts their wire bytes.
func mhdCollectHeader(
    _ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?,
    _ keySize: Int, _ value: UnsafePointer<CChar>?, _ valueSize: Int
) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let collector = cls.assumingMemoryBound(to: HeaderCollector.self)
    collector.pointee.bytes &+= keySize &+ valueSize &+ 4  // "name: value\r\n"
    if let value, valueSize > 0 {
        value.withMemoryRebound(to: UInt8.self, capacity: valueSize) { bytes in
            for index in 0..<valueSize
            where bytes[index] == 0 || bytes[index] == 0x0D || bytes[index] == 0x0A {
                collector.pointee.hasControlBytes = true
                break
            }
        }
    }
    let name = HeaderText.decode(key, count: keySize)
    let text = value.map { HeaderText.decode($0, count: valueSize) } ?? (text: "", isLatin1: false)
    collector.pointee.headers.add(
        HTTPHeaders.Field(name: name.text, value: text.text, isLatin1: text.isLatin1))
    return .YES
}

/// Header fields plus the bytes they took on the wire.
struct HeaderCollector {
    var headers = HTTPHeaders()
    var bytes = 0
    /// A value held NUL, CR or LF (RFC 9110 §5.5: such a request is refused).
    var hasControlBytes = false
}
