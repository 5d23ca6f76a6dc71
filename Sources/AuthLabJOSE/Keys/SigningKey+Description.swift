/// A signing key describes itself by `kid` and algorithm only: its secret or private
/// members never reach a log line, a test failure or a debugger's summary.
extension SigningKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "SigningKey(kid: \(kid), alg: \(algorithm.rawValue), \(canSign ? "signs" : "verifies only"))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["kid": kid, "algorithm": algorithm], displayStyle: .struct)
    }
}
