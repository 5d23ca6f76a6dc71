import Testing

@testable import AuthLabHTTP

@Test("the error body escapes quotes, backslashes and control characters")
func errorBodyEscapes() {
    let body = ErrorBody.serialize(code: "bad", description: "a\"b\\c\nd\u{1}é")
    #expect(
        String(decoding: body, as: UTF8.self)
            == #"{"error":"bad","error_description":"a\"b\\c\nd\u0001é"}"#)
}

@Test("invalid UTF-8 header bytes decode as Latin-1 and round-trip exactly")
func headerTextLatin1() {
    let bytes: [UInt8] = [0x61, 0xFF, 0xC3]
    let decoded = bytes.withUnsafeBufferPointer { HeaderText.decode($0) }
    #expect(decoded.isLatin1)
    #expect(decoded.text.unicodeScalars.map(\.value) == [0x61, 0xFF, 0xC3])
    #expect(HeaderText.bytes(of: decoded.text, isLatin1: true) == bytes)
}
