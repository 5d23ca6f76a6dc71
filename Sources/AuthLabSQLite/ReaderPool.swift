import Dispatch

/// Up to `capacity` read-only connections, opened on demand and reused.
///
/// A counting semaphore bounds the connections in use, so a caller either
/// finds a free connection, opens a new one (while fewer than `capacity`
/// exist), or waits for one to come back.
final class ReaderPool: Sendable {
    private struct State {
        var free: [Connection] = []
        var opened = 0
        var closed = false
    }

    private let state = Locked(State())
    private let slots: DispatchSemaphore
    private let open: @Sendable () throws(SQLiteError) -> Connection

    init(capacity: Int, open: @escaping @Sendable () throws(SQLiteError) -> Connection) {
        precondition(capacity > 0, "a reader pool needs at least one connection")
        slots = DispatchSemaphore(value: capacity)
        self.open = open
    }

    /// Lends a reader connection to `body`.
    func withReader<T>(_ body: (Connection) throws -> T) throws -> T {
        slots.wait()
        defer { slots.signal() }
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    /// Drops idle connections; those in use are dropped when they come back.
    func close() {
        let idle = state.withLock { state in
            state.closed = true
            state.opened -= state.free.count
            defer { state.free = [] }
            return state.free
        }
        _ = idle  // released here, outside the lock
    }

    private func checkOut() throws(SQLiteError) -> Connection {
        let reused = try state.withLock { (state) throws(SQLiteError) -> Connection? in
            guard !state.closed else { throw Database.closedError }
            if let connection = state.free.popLast() { return connection }
            state.opened += 1  // the semaphore keeps this at or below capacity
            return nil
        }
        if let reused { return reused }
        do {
            return try open()
        } catch {
            state.withLock { $0.opened -= 1 }
            throw error
        }
    }

    private func checkIn(_ connection: Connection) {
        let keep = state.withLock { state in
            if state.closed {
                state.opened -= 1
                return false
            }
            state.free.append(connection)
            return true
        }
        _ = keep
    }
}
