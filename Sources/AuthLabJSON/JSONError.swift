/// An error from parsing JSON text: a stable `code` plus the byte offset where it was found.
///
/// The description names the problem and the offset only, never the text itself, so an error
/// raised on a token or key file cannot echo secret material.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable machine-readable error codes.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        case unexpectedEnd = "unexpected_end"
        case unexpectedByte = "unexpected_byte"
        case invalidUTF8 = "invalid_utf8"
        case loneSurrogate = "lone_surrogate"
        case controlCharacter = "control_character"
        case invalidEscape = "invalid_escape"
        case invalidNumber = "invalid_number"
        case numberOutOfRange = "number_out_of_range"
        case duplicateKey = "duplicate_key"
        case tooDeep = "too_deep"
        case trailingData = "trailing_data"
    }

    /// What went wrong.
    public let code: Code
    /// Byte offset into the input where the problem was detected.
    public let offset: Int

    /// Creates an error for `code` at byte `offset`.
    public init(_ code: Code, at offset: Int) {
        self.code = code
        self.offset = offset
    }

    /// Human-readable text (no input content).
    public var description: String {
        "\(Self.text(for: code)) at byte \(offset)"
    }

    private static func text(for code: Code) -> String {
        switch code {
        case .unexpectedEnd: "JSON text ends too early"
        case .unexpectedByte: "unexpected character in JSON text"
        case .invalidUTF8: "JSON text is not valid UTF-8"
        case .loneSurrogate: "JSON string has an unpaired UTF-16 surrogate escape"
        case .controlCharacter: "JSON string contains a control character or NUL"
        case .invalidEscape: "JSON string has an invalid escape sequence"
        case .invalidNumber: "JSON number is malformed"
        case .numberOutOfRange: "JSON number is out of range"
        case .duplicateKey: "JSON object has a duplicate key"
        case .tooDeep: "JSON nesting is too deep"
        case .trailingData: "JSON text has data after the value"
        }
    }
}
