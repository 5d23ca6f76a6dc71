/// Turns raw header bytes into `String`s without losing any byte and without trapping.
///
/// Valid UTF-8 decodes as UTF-8. Anything else (legal `obs-text` in HTTP) decodes as
/// ISO-8859-1, one scalar U+0000–U+00FF per byte, so `HTTPHeaders.Field.valueBytes`
/// gives the exact bytes back.
enum HeaderText {
    /// Decodes `bytes`; `isLatin1` is true when the bytes were not valid UTF-8.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, isLatin1: Bool) {
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, false)
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            scalars.append(Unicode.Scalar(byte))
        }
        return (String(scalars), true)
    }

    /// Decodes a NUL-terminated C string of known length (MHD hands out both).
    static func decode(_ pointer: UnsafePointer<CChar>, count: Int) -> (
        text: String, isLatin1: Bool
    ) {
        pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
            decode(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// The bytes a string decoded by `decode` came from.
    static func bytes(of text: String, isLatin1: Bool) -> [UInt8] {
        guard isLatin1 else { return Array(text.utf8) }
        return text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    /// ASCII case-insensitive comparison of header names, without allocating.
    static func namesEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = lhs.utf8
        let right = rhs.utf8
        guard left.count == right.count else { return false }
        for (a, b) in zip(left, right) where a != b {
            guard lowercase(a) == lowercase(b) else { return false }
        }
        return true
    }

    @inline(__always)
    static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Whether a value can go on the wire as a header line (no CR, LF or NUL).
    static func isSafeOnWire(_ text: String) -> Bool {
        !text.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 }
    }
}
