import Synchronization

/// A value behind a `Mutex`, lent to one closure at a time.
///
/// `@unchecked Sendable`: `value` is only read or written inside `mutex.withLock`,
/// so no two threads ever touch it at once. It exists because `Mutex<Value>`
/// wants its value and result to be `sending`, which a connection lent to a
/// caller's closure cannot be proven to be.
final class Locked<Value>: @unchecked Sendable {
    private let mutex = Mutex<Void>(())
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        var outcome: Result<R, E>?
        mutex.withLock { _ in
            outcome = Result { () throws(E) -> R in try body(&value) }
        }
        switch outcome {
        case .success(let result): return result
        case .failure(let error): throw error
        case nil: preconditionFailure("Mutex.withLock runs its body exactly once")
        }
    }
}
