import AuthLabCrypto
import Foundation
import Testing

@Suite("Base64URL")
struct Base64URLTests {
    @Test("RFC 4648 §10 vectors encode and decode without padding")
    func rfcVectors() throws {
        let vectors = [
            ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
        ]
        for (plain, encoded) in vectors {
            #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
            #expect(Base64URL.encodeBytes(Array(plain.utf8)) == Array(encoded.utf8))
            #expect(try Base64URL.decode(encoded) == Array(plain.utf8))
        }
    }

    @Test("the URL alphabet uses - and _ instead of + and /")
    func urlAlphabet() throws {
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(try Base64URL.decode("-_8") == [0xFB, 0xFF])
    }

    @Test("random byte strings of every length up to 100 round-trip and match Foundation")
    func roundTrips() throws {
        for length in 0...100 {
            let bytes = try SecureRandom.bytes(length)
            let encoded = Base64URL.encode(bytes)
            let foundation = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(encoded == foundation)
            #expect(encoded.utf8.count == Base64URL.encodedLength(length))
            #expect(try Base64URL.decode(encoded) == bytes)
            let viaRaw = try Array(encoded.utf8).withUnsafeBytes { try Base64URL.decode($0) }
            #expect(viaRaw == bytes)
            // A non-contiguous sequence takes the fallback path and agrees.
            #expect(Base64URL.encode(bytes.lazy.map { $0 }) == encoded)
        }
    }

    @Test(
        "strict decoding rejects padding, whitespace, other alphabets, bad lengths and stray bits",
        arguments: [
            "Zg==", "Zm8=", "Zm9v====",  // padding
            "Zm9v Yg", " Zm9v", "Zm9v\n", "Zm9v\r\nYg", "Zm\t9v",  // whitespace
            "Zm9v+g", "Zm9v/g", "Zm9v*A", "Zm9v.A", "Zm9vYé", "Zm9v\u{0}A",  // not in alphabet
            "Z", "Zm9vY", "Zm9vYmFyZ",  // a single leftover character
            "Zh", "Zm9", "Zm9vYh", "Zm9vYmF",  // non-canonical trailing bits
        ])
    func rejections(_ input: String) {
        #expect(throws: CryptoError.invalidEncoding) { try Base64URL.decode(input) }
        #expect(throws: CryptoError.invalidEncoding) {
            try Array(input.utf8).withUnsafeBytes { try Base64URL.decode($0) }
        }
    }

    @Test("every byte outside the alphabet is rejected in every position of a quantum")
    func everyInvalidByte() {
        let alphabet = Set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        for byte in UInt8.min...UInt8.max where !alphabet.contains(byte) {
            for position in 0..<4 {
                var input: [UInt8] = Array("AAAA".utf8)
                input[position] = byte
                #expect(throws: CryptoError.invalidEncoding) { try Base64URL.decode(input) }
            }
        }
    }

    @Test("standard Base64 (PHC) uses + and / and no padding, strictly")
    func standard() throws {
        #expect(Base64.encodeUnpadded([0xFB, 0xFF]) == "+/8")
        #expect(try Base64.decodeUnpadded("+/8") == [0xFB, 0xFF])
        #expect(throws: CryptoError.invalidEncoding) { try Base64.decodeUnpadded("-_8") }
        #expect(throws: CryptoError.invalidEncoding) { try Base64.decodeUnpadded("Zg==") }
        #expect(throws: CryptoError.invalidEncoding) { try Base64.decodeUnpadded("Zh") }
    }
}
