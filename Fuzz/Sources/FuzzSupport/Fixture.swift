/// Builds a value the harness needs (a key, a verifier) from constants; stops the fuzzer
/// at once, with a message, if that fails: the harness itself is broken then.
public func fixture<T>(_ what: String, _ make: () throws -> T) -> T {
    do {
        return try make()
    } catch {
        invariant(false, "fixture \(what) could not be built: \(error)")
        preconditionFailure("unreachable")
    }
}
