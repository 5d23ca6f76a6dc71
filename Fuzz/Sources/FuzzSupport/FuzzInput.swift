/// Helpers to cut one fuzz input into the pieces a target needs.
public enum FuzzInput {
    /// The bytes before the first `separator` and the bytes after it (empty when absent).
    public static func split(_ bytes: UnsafeRawBufferPointer, at separator: UInt8) -> (
        [UInt8], [UInt8]
    ) {
        guard let index = bytes.firstIndex(of: separator) else { return (Array(bytes), []) }
        return (Array(bytes[..<index]), Array(bytes[(index + 1)...]))
    }

    /// Header bytes as the server turns them into text: UTF-8 when valid, else one
    /// ISO-8859-1 scalar per byte (the same rule as AuthLabHTTP's internal `HeaderText`).
    public static func headerText(_ bytes: some Collection<UInt8>) -> String {
        let array = Array(bytes)
        if let text = String(validating: array, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        for byte in array {
            scalars.append(Unicode.Scalar(byte))
        }
        return String(scalars)
    }

    /// The bytes as a `String` if they are valid UTF-8.
    public static func utf8(_ bytes: some Collection<UInt8>) -> String? {
        String(validating: Array(bytes), as: UTF8.self)
    }
}
