import Glibc

/// The write end of the self-pipe that the signal handler writes to. Set once by
/// `TerminationSignals.install()` before the handler is installed, only read after.
private nonisolated(unsafe) var signalPipeWriteEnd: Int32 = -1

/// Writes the signal number into the pipe: `write` is async-signal-safe.
private func terminationSignalHandler(_ signal: Int32) {
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(signalPipeWriteEnd, &byte, 1)
}

/// SIGINT and SIGTERM, turned into a byte on a pipe that one thread waits for.
///
/// The handler is installed process-wide with `sigaction`, so whichever thread the
/// kernel picks (an MHD thread, a Swift concurrency thread) runs it instead of
/// being killed; the waiting thread then stops the server in order.
enum TerminationSignals {
    private static let pipeReadEnd: Int32 = {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return -1 }
        signalPipeWriteEnd = fds[1]
        return fds[0]
    }()

    /// Installs the handler for SIGINT and SIGTERM; `false` if the pipe failed.
    @discardableResult
    static func install() -> Bool {
        guard pipeReadEnd >= 0 else { return false }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = terminationSignalHandler
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        return true
    }

    /// Blocks until SIGINT or SIGTERM arrives; returns its number.
    static func wait() -> Int32 {
        var byte: UInt8 = 0
        while true {
            let count = read(pipeReadEnd, &byte, 1)
            if count == 1 { return Int32(byte) }
            if count < 0 && errno == EINTR { continue }
            return SIGTERM
        }
    }
}
