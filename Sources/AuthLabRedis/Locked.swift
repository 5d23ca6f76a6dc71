import Synchronization

/// A value behind a `Mutex`, lent to one closure at a time.
///
/// `@unchecked Sendable`: `value` is only read or written inside `mutex.withLock`,
/// so no two threads ever touch it at once. It exists because `Mutex<Value>` wants
/// its value and results to be `sending`, which a connection handed from one
/// thread to the next cannot be proven to be.
final class Locked<Value>: @unchecked Sendable {
    private let mutex = Mutex<Void>(())
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<R>(_ body: (inout Value) -> R) -> R {
        var result: R?
        mutex.withLock { _ in result = body(&value) }
        guard let result else { preconditionFailure("Mutex.withLock runs its body exactly once") }
        return result
    }
}
