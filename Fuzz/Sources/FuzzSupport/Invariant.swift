#if canImport(Glibc)
    internal import Glibc
#endif

/// Stops the fuzzer with a message when a property that must hold for every input does not.
///
/// libFuzzer treats the abort as a crash and saves the input that caused it.
public func invariant(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    guard !condition() else { return }
    let text = "invariant violated at \(file):\(line): \(message())\n"
    text.utf8CString.withUnsafeBufferPointer { buffer in
        _ = write(2, buffer.baseAddress, buffer.count - 1)
    }
    abort()
}
