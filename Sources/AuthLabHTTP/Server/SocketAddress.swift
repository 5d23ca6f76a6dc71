#if canImport(Glibc)
    internal import Glibc
#endif

/// An IPv4 or IPv6 listen address parsed from a literal (`127.0.0.1`, `::1`, `localhost`).
struct SocketAddress {
    private var storage = sockaddr_storage()
    let isIPv6: Bool

    init?(host: String, port: Int) {
        guard let port = UInt16(exactly: port) else { return nil }
        let name = host == "localhost" ? "127.0.0.1" : host
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, name, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
            isIPv6 = false
            withUnsafeMutableBytes(of: &storage) { raw in
                withUnsafeBytes(of: v4) { raw.copyMemory(from: $0) }
            }
            return
        }
        var v6 = sockaddr_in6()
        let bare =
            name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
        guard inet_pton(AF_INET6, bare, &v6.sin6_addr) == 1 else { return nil }
        v6.sin6_family = sa_family_t(AF_INET6)
        v6.sin6_port = port.bigEndian
        isIPv6 = true
        withUnsafeMutableBytes(of: &storage) { raw in
            withUnsafeBytes(of: v6) { raw.copyMemory(from: $0) }
        }
    }

    /// Lends a `struct sockaddr *` for the duration of `body` (MHD binds during start).
    func withSockaddr<T>(_ body: (UnsafeMutableRawPointer) -> T) -> T {
        var copy = storage
        return withUnsafeMutableBytes(of: &copy) { raw in
            guard let base = raw.baseAddress else { preconditionFailure("sockaddr storage") }
            return body(base)
        }
    }
}
