internal import CLibFuzzer

#if canImport(Glibc)
    internal import Glibc
#endif

/// The body of a fuzz target: one input, whose bytes live only for the call.
public typealias FuzzTest = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Starts libFuzzer with the process arguments and `test` as the function under fuzzing.
public enum FuzzDriver {
    /// Runs libFuzzer (corpus directories, `-max_total_time=`, … from the command line) and
    /// returns its exit status.
    public static func run(_ test: FuzzTest) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }

    /// The input as a buffer (empty when libFuzzer passes no bytes).
    public static func buffer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeRawBufferPointer
    {
        guard let data, size > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: data, count: size)
    }
}
