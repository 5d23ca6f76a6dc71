/// A process exit status; throw one from `run` to exit with it silently.
public struct ExitCode: Error, Sendable, Equatable, RawRepresentable {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Success, and help or version output.
    public static let success = ExitCode(0)
    /// `run` failed.
    public static let failure = ExitCode(1)
    /// A usage error (`EX_USAGE` from sysexits.h).
    public static let validationFailure = ExitCode(64)
}
