/// Redis work done for one caller (typically one HTTP request): commands sent and
/// wall-clock time spent, waits and reconnects included.
public struct RedisUsage: Sendable, Equatable {
    public var commands: Int
    public var duration: Duration

    public init(commands: Int = 0, duration: Duration = .zero) {
        self.commands = commands
        self.duration = duration
    }
}
