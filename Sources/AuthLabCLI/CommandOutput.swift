internal import Glibc

/// Where a command writes: standard output and standard error, injectable for tests.
public struct CommandOutput: Sendable {
    /// Writes text to standard output (help, version, results).
    public let write: @Sendable (String) -> Void
    /// Writes text to standard error (errors and usage lines).
    public let writeError: @Sendable (String) -> Void

    public init(
        write: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void
    ) {
        self.write = write
        self.writeError = writeError
    }

    /// The process's file descriptors 1 and 2, written unbuffered.
    public static let standard = CommandOutput(
        write: { writeAll($0, to: STDOUT_FILENO) },
        writeError: { writeAll($0, to: STDERR_FILENO) })
}

/// Writes every byte of `text` to `descriptor`, retrying short writes and EINTR.
/// Other failures (a closed pipe) drop the rest: there is nowhere to report them.
private func writeAll(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        bytes = bytes.dropFirst(written)
    }
}
