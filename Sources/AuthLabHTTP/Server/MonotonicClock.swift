#if canImport(Glibc)
    internal import Glibc
#endif

/// Nanoseconds from `CLOCK_MONOTONIC`; cheap enough for per-request timing.
enum MonotonicClock {
    static func nanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(truncatingIfNeeded: spec.tv_sec) &* 1_000_000_000
            &+ UInt64(truncatingIfNeeded: spec.tv_nsec)
    }

    /// Seconds elapsed since `start` (0 if the clock went backwards).
    static func seconds(since start: UInt64) -> Double {
        let now = nanoseconds()
        return now > start ? Double(now - start) / 1e9 : 0
    }
}
