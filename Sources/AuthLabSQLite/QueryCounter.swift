import Synchronization

/// A thread-safe count of executed statements, shared by a database's connections.
final class QueryCounter: Sendable {
    private let count = Atomic<Int>(0)

    var value: Int { count.load(ordering: .relaxed) }

    func increment() {
        count.wrappingAdd(1, ordering: .relaxed)
    }
}
