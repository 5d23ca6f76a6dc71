import AuthLabJSON
import Testing

@Suite("JSONParser")
struct JSONParserTests {
    @Test(
        "accepts valid RFC 8259 texts",
        arguments: [
            "{}", "[]", "0", "-0", "1", "-1", "true", "false", "null", "\"\"", " \t\r\n[ ] ",
            "{\"a\":[1,2,{\"b\":null}]}", "1.5", "1e10", "1E+2", "-1.25e-3", "\"\\u00e9\"",
            "\"\\ud83d\\ude00\"", "\"h\u{e9}llo \u{1F600}\"", "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]",
            "9223372036854775807", "-9223372036854775808",
        ])
    func acceptsValid(_ text: String) throws {
        _ = try JSONParser.parse(text)
    }

    @Test(
        "rejects invalid texts with a stable code",
        arguments: [
            ("", JSONError.Code.unexpectedEnd),
            ("   ", .unexpectedEnd),
            ("{", .unexpectedEnd),
            ("[1,]", .unexpectedByte),
            ("{\"a\":1,}", .unexpectedByte),
            ("{a:1}", .unexpectedByte),
            ("{'a':1}", .unexpectedByte),
            ("[1 2]", .unexpectedByte),
            ("tru", .unexpectedEnd),
            ("nul1", .unexpectedByte),
            ("True", .unexpectedByte),
            ("NaN", .unexpectedByte),
            ("Infinity", .unexpectedByte),
            ("01", .invalidNumber),
            ("-", .unexpectedEnd),
            ("-a", .invalidNumber),
            ("1.", .unexpectedEnd),
            ("1.e5", .invalidNumber),
            ("1e", .unexpectedEnd),
            ("+1", .unexpectedByte),
            (".5", .unexpectedByte),
            ("0x10", .trailingData),
            ("{} {}", .trailingData),
            ("1 x", .trailingData),
            ("\"abc", .unexpectedEnd),
            ("\"\\x\"", .invalidEscape),
            ("\"\\u12G4\"", .invalidEscape),
            ("\"a\tb\"", .controlCharacter),
            ("\"a\nb\"", .controlCharacter),
            ("\"a\u{0}b\"", .controlCharacter),
            ("\"a\\u0000b\"", .controlCharacter),
            ("\"\\ud800\"", .loneSurrogate),
            ("\"\\udc00\"", .loneSurrogate),
            ("\"\\ud800\\u0041\"", .loneSurrogate),
            ("\"\\ud800x\"", .loneSurrogate),
            ("{\"a\":1,\"a\":2}", .duplicateKey),
            ("{\"a\":1,\"\\u0061\":2}", .duplicateKey),
            ("1e400", .numberOutOfRange),
            ("-1e400", .numberOutOfRange),
        ])
    func rejectsInvalid(_ text: String, _ code: JSONError.Code) {
        #expect(throws: JSONError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.code == code, "\(text)")
        }
    }

    @Test("a duplicate key is found however large the object is")
    func duplicateInLargeObject() throws {
        let members = (0..<40).map { "\"k\($0)\":\($0)" }
        let unique = "{" + members.joined(separator: ",") + "}"
        #expect(try JSONParser.parse(unique).objectValue?.count == 40)
        let duplicate = "{" + (members + ["\"k3\":0"]).joined(separator: ",") + "}"
        #expect(throws: JSONError(.duplicateKey, at: duplicate.utf8.count - 7)) {
            try JSONParser.parse(duplicate)
        }
        let lateDuplicate = "{" + (members + ["\"k39\":0"]).joined(separator: ",") + "}"
        #expect(throws: JSONError.self) { try JSONParser.parse(lateDuplicate) }
    }

    @Test("nesting deeper than maxDepth is rejected, up to it is accepted")
    func depthLimit() throws {
        let ok = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
        _ = try JSONParser.parse(ok)
        let deep = String(repeating: "[", count: 33) + String(repeating: "]", count: 33)
        #expect(throws: JSONError(.tooDeep, at: 32)) { try JSONParser.parse(deep) }
        let objects =
            String(repeating: "{\"a\":", count: 5) + "1" + String(repeating: "}", count: 5)
        _ = try JSONParser.parse(objects, maxDepth: 5)
        #expect(throws: JSONError.self) { try JSONParser.parse(objects, maxDepth: 4) }
        let hostile = String(repeating: "[", count: 100_000)
        #expect(throws: JSONError.self) { try JSONParser.parse(hostile) }
    }

    @Test(
        "invalid UTF-8 is rejected: stray continuation, overlong, surrogate, above U+10FFFF, cut",
        arguments: [
            [0x80], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xC3], [0xE2, 0x82],
            [0xC3, 0x28],
        ] as [[UInt8]])
    func rejectsInvalidUTF8(_ sequence: [UInt8]) {
        let bytes = [UInt8(ascii: "\"")] + sequence + [UInt8(ascii: "\"")]
        #expect(throws: JSONError(.invalidUTF8, at: 1)) { try JSONParser.parse(bytes) }
    }

    @Test("non-ASCII outside a string is an unexpected byte")
    func nonASCIIOutsideString() {
        #expect(throws: JSONError(.unexpectedByte, at: 0)) {
            try JSONParser.parse([0xEF, 0xBB, 0xBF, 0x31])
        }
    }

    @Test("valid UTF-8 and escapes decode to the right scalars")
    func decodesStrings() throws {
        #expect(try JSONParser.parse("\"\\u00e9\\u20AC\\ud83d\\ude00\"") == "é€😀")
        #expect(try JSONParser.parse("\"é€😀\"") == "é€😀")
        #expect(try JSONParser.parse("\"a\\/b\\\\c\\\"d\\n\"") == "a/b\\c\"d\n")
        #expect(
            try JSONParser.parse([0x22, 0xF4, 0x8F, 0xBF, 0xBF, 0x22]) == .string("\u{10FFFF}"))
    }

    @Test("numbers: Int64 range exact, larger or fractional become finite doubles")
    func numbers() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .int(Int64.max))
        #expect(try JSONParser.parse("-9223372036854775808") == .int(Int64.min))
        #expect(try JSONParser.parse("9223372036854775808") == .double(9.223372036854775808e18))
        #expect(try JSONParser.parse("-9223372036854775809") == .double(-9.223372036854775808e18))
        #expect(try JSONParser.parse("-0") == .int(0))
        #expect(try JSONParser.parse("1300819380") == .int(1_300_819_380))
        #expect(try JSONParser.parse("1.0") == .double(1))
        #expect(try JSONParser.parse("1e3") == .double(1000))
        #expect(try JSONParser.parse("-2.5E-1") == .double(-0.25))
        #expect(try JSONParser.parse("1e-400") == .double(0))
    }

    @Test("objects keep member order and support lookup")
    func objectOrder() throws {
        let value = try JSONParser.parse("{\"z\":1,\"a\":\"x\",\"m\":[true,null]}")
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value["a"]?.stringValue == "x")
        #expect(value["m"]?.arrayValue == [true, nil])
        #expect(value["missing"] == nil)
        #expect(value["z"]?.int64Value == 1)
    }
}
