#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Where the HTTP layer writes its log lines (errors, access log); stderr by default.
public struct LogSink: Sendable {
    private let sink: @Sendable (String) -> Void

    public init(_ sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
    }

    /// Writes one line.
    public func write(_ line: String) {
        sink(line)
    }

    /// One `write(2)` per line to standard error, so lines from threads do not interleave.
    public static let standardError = LogSink { line in
        var text = line
        text.append("\n")
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(
                    2, bytes.baseAddress?.advanced(by: offset), bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Discards every line.
    public static let discard = LogSink { _ in }
}
