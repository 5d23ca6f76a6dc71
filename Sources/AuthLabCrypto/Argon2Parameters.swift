/// Argon2id cost settings; the defaults are OWASP's (19 MiB, 2 passes, 1 lane).
public struct Argon2Parameters: Sendable, Equatable {
    /// Memory per hash in KiB (`m`).
    public var memoryKiB: UInt32
    /// Passes over memory (`t`).
    public var iterations: UInt32
    /// Lanes (`p`); computed on one thread, so the output is the same as with p threads.
    public var parallelism: UInt32
    /// Random salt bytes per hash.
    public var saltLength: Int
    /// Tag bytes per hash.
    public var hashLength: Int

    public init(
        memoryKiB: UInt32 = 19456, iterations: UInt32 = 2, parallelism: UInt32 = 1,
        saltLength: Int = 16, hashLength: Int = 32
    ) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
        self.saltLength = saltLength
        self.hashLength = hashLength
    }
}

/// Bounds on Argon2 parameters, checked before any memory is allocated.
///
/// A PHC string read from storage decides how much work `verify` does, so a
/// corrupt or planted `m=2147483648` must be refused rather than attempted.
public struct Argon2Limits: Sendable, Equatable {
    public var memoryKiB: ClosedRange<UInt32>
    public var iterations: ClosedRange<UInt32>
    public var parallelism: ClosedRange<UInt32>
    public var saltLength: ClosedRange<Int>
    public var hashLength: ClosedRange<Int>

    /// Up to 256 MiB, 10 passes and 16 lanes; salts of 8–64 bytes, tags of 16–64 bytes.
    public static let standard = Argon2Limits(
        memoryKiB: 8...262_144, iterations: 1...10, parallelism: 1...16, saltLength: 8...64,
        hashLength: 16...64)

    public init(
        memoryKiB: ClosedRange<UInt32>, iterations: ClosedRange<UInt32>,
        parallelism: ClosedRange<UInt32>, saltLength: ClosedRange<Int>,
        hashLength: ClosedRange<Int>
    ) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
        self.saltLength = saltLength
        self.hashLength = hashLength
    }

    /// Throws `.unsafeParameters` naming the first setting outside the limits.
    public func check(_ parameters: Argon2Parameters) throws(CryptoError) {
        guard memoryKiB.contains(parameters.memoryKiB) else {
            throw .unsafeParameters("m must be in \(memoryKiB)")
        }
        guard iterations.contains(parameters.iterations) else {
            throw .unsafeParameters("t must be in \(iterations)")
        }
        guard parallelism.contains(parameters.parallelism) else {
            throw .unsafeParameters("p must be in \(parallelism)")
        }
        guard UInt64(parameters.memoryKiB) >= 8 * UInt64(parameters.parallelism) else {
            throw .unsafeParameters("m must be at least 8 KiB per lane")
        }
        guard saltLength.contains(parameters.saltLength) else {
            throw .unsafeParameters("salt length must be in \(saltLength)")
        }
        guard hashLength.contains(parameters.hashLength) else {
            throw .unsafeParameters("hash length must be in \(hashLength)")
        }
    }
}
