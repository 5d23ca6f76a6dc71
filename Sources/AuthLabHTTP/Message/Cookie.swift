/// One `name=value` pair from a `Cookie` request header.
public struct Cookie: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The cookies of a request (RFC 6265 §5.4 `Cookie:`), duplicates kept in the order sent.
///
/// Pairs are split on `;`, surrounding spaces and tabs are trimmed, the name ends at the
/// first `=`; a pair without `=` or with an empty name is skipped; one pair of surrounding
/// double quotes is removed from the value. Several `Cookie` headers are read in order.
/// Duplicates stay visible so that the application can refuse an ambiguous session cookie.
public struct Cookies: Sendable, Equatable, Sequence {
    public let all: [Cookie]

    public init(_ cookies: [Cookie]) {
        all = cookies
    }

    public init(headers: HTTPHeaders) {
        var cookies: [Cookie] = []
        for field in headers where HeaderText.namesEqual(field.name, "Cookie") {
            Cookies.parse(field.value, into: &cookies)
        }
        all = cookies
    }

    /// Parses one `Cookie` header value.
    public init(header: String) {
        var cookies: [Cookie] = []
        Cookies.parse(header, into: &cookies)
        all = cookies
    }

    public func makeIterator() -> IndexingIterator<[Cookie]> {
        all.makeIterator()
    }

    /// The first value sent for `name`.
    public subscript(name: String) -> String? {
        all.first { $0.name == name }?.value
    }

    /// Every value sent for `name`, in order (more than one means the request is ambiguous).
    public func values(named name: String) -> [String] {
        all.filter { $0.name == name }.map(\.value)
    }

    /// Every value of cookie `name` in `headers`, in order, without building the other
    /// cookies (the session lookup's hot path).
    public static func values(named name: String, in headers: HTTPHeaders) -> [String] {
        var values: [String] = []
        let wanted = Array(name.utf8)
        for field in headers where HeaderText.namesEqual(field.name, "Cookie") {
            scan(field.value) { nameBytes, valueBytes in
                if nameBytes.elementsEqual(wanted) {
                    values.append(String(decoding: valueBytes, as: UTF8.self))
                }
            }
        }
        return values
    }

    private static func parse(_ header: String, into cookies: inout [Cookie]) {
        scan(header) { name, value in
            cookies.append(
                Cookie(
                    name: String(decoding: name, as: UTF8.self),
                    value: String(decoding: value, as: UTF8.self)))
        }
    }

    /// Calls `body` with the name and value bytes of each pair, on the header's UTF-8
    /// bytes (no substrings, no per-character work).
    private static func scan(
        _ header: String,
        _ body: (UnsafeBufferPointer<UInt8>.SubSequence, UnsafeBufferPointer<UInt8>.SubSequence) ->
            Void
    ) {
        var header = header
        header.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: ";") { end += 1 }
                var pair = trim(bytes[start..<end])
                start = end + 1
                guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { continue }
                let name = trim(pair[pair.startIndex..<equals])
                guard !name.isEmpty else { continue }
                pair = trim(pair[(equals + 1)...])
                if pair.count >= 2, pair.first == UInt8(ascii: "\""),
                    pair.last == UInt8(ascii: "\"")
                {
                    pair = pair.dropFirst().dropLast()
                }
                body(name, pair)
            }
        }
    }

    private static func trim(
        _ bytes: UnsafeBufferPointer<UInt8>.SubSequence
    ) -> UnsafeBufferPointer<UInt8>.SubSequence {
        var bytes = bytes
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        return bytes
    }
}
