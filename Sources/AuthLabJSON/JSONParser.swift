/// Strict RFC 8259 JSON parser over raw bytes.
///
/// Beyond the grammar it rejects duplicate object keys, invalid UTF-8 (overlong forms, encoded
/// surrogates, code points above U+10FFFF), unpaired `\uD800`-style surrogate escapes, raw control
/// characters in strings, data after the value, and nesting deeper than `maxDepth`. It also
/// rejects the escape `\u0000`: a NUL inside a key id or claim is never legitimate here and is a
/// known way to smuggle a different value past C-string code. Integers that fit in `Int64` become
/// `.int`; every other number becomes `.double` if it is finite, else `number_out_of_range`.
public enum JSONParser {
    /// The default nesting limit: arrays and objects, counted from the outermost one.
    public static let defaultMaxDepth = 32

    /// Parses exactly one JSON value filling `bytes` (surrounding whitespace allowed).
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, maxDepth: Int = defaultMaxDepth
    ) throws(JSONError) -> JSONValue {
        var scanner = JSONScanner(bytes: bytes, maxDepth: max(0, min(maxDepth, 512)))
        return try scanner.parseDocument()
    }

    /// Parses exactly one JSON value filling `bytes`.
    public static func parse(
        _ bytes: [UInt8], maxDepth: Int = defaultMaxDepth
    ) throws(JSONError) -> JSONValue {
        let result: Result<JSONValue, JSONError> = bytes.withUnsafeBytes { raw in
            Result { () throws(JSONError) in try parse(raw, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    /// Parses exactly one JSON value from the UTF-8 of `text`.
    public static func parse(
        _ text: String, maxDepth: Int = defaultMaxDepth
    ) throws(JSONError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONError> = text.withUTF8 { utf8 in
            Result { () throws(JSONError) in
                try parse(UnsafeRawBufferPointer(utf8), maxDepth: maxDepth)
            }
        }
        return try result.get()
    }
}
