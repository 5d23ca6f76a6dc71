/// An Argon2id hash in PHC string format: `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>`.
///
/// Parsing is strict: only `argon2id`, version 19, the parameters `m`, `t`, `p` in that
/// order as plain decimals without leading zeros, and unpadded standard base64.
public struct PHCString: Sendable, Equatable, CustomStringConvertible {
    /// The longest string parsed (a 64-byte salt and tag need under 200 characters).
    public static let maximumLength = 512

    public var memoryKiB: UInt32
    public var iterations: UInt32
    public var parallelism: UInt32
    public var salt: [UInt8]
    public var hash: [UInt8]

    public init(
        memoryKiB: UInt32, iterations: UInt32, parallelism: UInt32, salt: [UInt8], hash: [UInt8]
    ) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
        self.salt = salt
        self.hash = hash
    }

    /// Parses a PHC string, throwing `.invalidPHC` with the reason.
    public init(parsing text: String) throws(CryptoError) {
        guard text.utf8.count <= Self.maximumLength else { throw .invalidPHC("too long") }
        let fields = text.utf8.split(separator: UInt8(ascii: "$"), omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0].isEmpty else {
            throw .invalidPHC("expected $argon2id$v=19$m=,t=,p=$salt$hash")
        }
        guard fields[1].elementsEqual("argon2id".utf8) else {
            throw .invalidPHC("algorithm must be argon2id")
        }
        guard fields[2].elementsEqual("v=19".utf8) else {
            throw .invalidPHC("version must be v=19")
        }
        let settings = fields[3].split(
            separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard settings.count == 3 else { throw .invalidPHC("expected m=,t=,p=") }
        memoryKiB = try Self.setting("m", settings[0])
        iterations = try Self.setting("t", settings[1])
        parallelism = try Self.setting("p", settings[2])
        do {
            salt = try Base64.decodeUnpadded(String(decoding: fields[4], as: UTF8.self))
            hash = try Base64.decodeUnpadded(String(decoding: fields[5], as: UTF8.self))
        } catch {
            throw .invalidPHC("salt and hash must be unpadded standard base64")
        }
        guard !salt.isEmpty, !hash.isEmpty else { throw .invalidPHC("empty salt or hash") }
    }

    /// The parameters this hash was made with (salt and tag lengths included).
    public var parameters: Argon2Parameters {
        Argon2Parameters(
            memoryKiB: memoryKiB, iterations: iterations, parallelism: parallelism,
            saltLength: salt.count, hashLength: hash.count)
    }

    /// The canonical PHC text.
    public var description: String {
        "$argon2id$v=19$m=\(memoryKiB),t=\(iterations),p=\(parallelism)$"
            + "\(Base64.encodeUnpadded(salt))$\(Base64.encodeUnpadded(hash))"
    }

    /// `name=<decimal>` as a UInt32: digits only, no sign or leading zero, no overflow.
    private static func setting(_ name: Unicode.Scalar, _ field: Substring.UTF8View.SubSequence)
        throws(CryptoError) -> UInt32
    {
        let bytes = Array(field)
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: name), bytes[1] == UInt8(ascii: "=")
        else { throw .invalidPHC("expected \(name)=") }
        let digits = bytes[2...]
        guard digits.count <= 10, digits.allSatisfy({ (0x30...0x39).contains($0) }),
            digits.count == 1 || digits.first != 0x30
        else { throw .invalidPHC("\(name) must be a plain decimal") }
        var value: UInt64 = 0
        for digit in digits { value = value * 10 + UInt64(digit - 0x30) }
        guard let result = UInt32(exactly: value) else { throw .invalidPHC("\(name) is too large") }
        return result
    }
}
