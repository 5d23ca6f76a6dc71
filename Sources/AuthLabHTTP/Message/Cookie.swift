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

    private static func parse(_ header: String, into cookies: inout [Cookie]) {
        for piece in header.split(separator: ";", omittingEmptySubsequences: true) {
            let pair = trim(piece)
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = trim(pair[..<equals])
            guard !name.isEmpty else { continue }
            var value = trim(pair[pair.index(after: equals)...])
            if value.count >= 2, value.first == "\"", value.last == "\"" {
                value = value.dropFirst().dropLast()
            }
            cookies.append(Cookie(name: String(name), value: String(value)))
        }
    }

    private static func trim(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first == " " || first == "\t" {
            text = text.dropFirst()
        }
        while let last = text.last, last == " " || last == "\t" {
            text = text.dropLast()
        }
        return text
    }
}
