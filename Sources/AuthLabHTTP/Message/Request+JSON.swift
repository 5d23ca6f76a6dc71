extension Request {
    /// Whether `Content-Type` is `application/json` (parameters such as charset allowed).
    public var hasJSONContentType: Bool {
        guard let type = headers["Content-Type"] else { return false }
        let media = type.split(separator: ";", maxSplits: 1).first ?? ""
        return media.trimmingSpaces().lowercased() == "application/json"
    }

    /// The body as a buffer, for parsers that read bytes without copying.
    public func withBody<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try self.body.withUnsafeBytes(body)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var text = self
        while text.first == " " || text.first == "\t" {
            text = text.dropFirst()
        }
        while text.last == " " || text.last == "\t" {
            text = text.dropLast()
        }
        return text
    }
}
