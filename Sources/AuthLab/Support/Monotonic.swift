import Glibc

/// Monotonic time in nanoseconds, for measuring what a request spends where.
enum Monotonic {
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(truncatingIfNeeded: spec.tv_sec) &* 1_000_000_000
            &+ UInt64(truncatingIfNeeded: spec.tv_nsec)
    }

    /// Wall-clock Unix seconds, the unit of every `..._at` and JWT time claim.
    static func unixSeconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec)
    }
}
