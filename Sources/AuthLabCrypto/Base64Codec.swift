/// Table-driven, unpadded, strict base64 shared by `Base64URL` and `Base64`.
///
/// Decoding rejects padding, whitespace, any byte outside the alphabet, a length
/// that leaves a single trailing character, and non-zero unused trailing bits (so
/// every byte string has exactly one accepted encoding).
struct Base64Codec: Sendable {
    private static let invalid: UInt8 = 0xFF

    /// 64 ASCII bytes, indexed by sextet value.
    let encodeTable: [UInt8]
    /// 256 entries: the sextet value of an ASCII byte, or `invalid`.
    let decodeTable: [UInt8]

    static let url = Base64Codec(
        alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    static let standard = Base64Codec(
        alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    private init(alphabet: StaticString) {
        precondition(alphabet.utf8CodeUnitCount == 64, "a base64 alphabet has 64 characters")
        let encode = alphabet.withUTF8Buffer { Array($0) }
        var decode = [UInt8](repeating: Self.invalid, count: 256)
        for (value, byte) in encode.enumerated() {
            decode[Int(byte)] = UInt8(value)
        }
        encodeTable = encode
        decodeTable = decode
    }

    /// The unpadded encoded length of `count` bytes.
    static func encodedLength(_ count: Int) -> Int {
        let tail = count % 3
        return (count / 3) * 4 + (tail == 0 ? 0 : tail + 1)
    }

    /// Encodes `input` into `output`, which holds at least `encodedLength(input.count)` bytes.
    func encode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>)
        -> Int
    {
        encodeTable.withUnsafeBufferPointer { table in
            let count = input.count
            var i = 0
            var o = 0
            while i + 3 <= count {
                let b0 = input[i]
                let b1 = input[i + 1]
                let b2 = input[i + 2]
                output[o] = table[Int(b0 >> 2)]
                output[o + 1] = table[Int((b0 & 0x03) << 4 | b1 >> 4)]
                output[o + 2] = table[Int((b1 & 0x0F) << 2 | b2 >> 6)]
                output[o + 3] = table[Int(b2 & 0x3F)]
                i += 3
                o += 4
            }
            switch count - i {
            case 1:
                let b0 = input[i]
                output[o] = table[Int(b0 >> 2)]
                output[o + 1] = table[Int((b0 & 0x03) << 4)]
                o += 2
            case 2:
                let b0 = input[i]
                let b1 = input[i + 1]
                output[o] = table[Int(b0 >> 2)]
                output[o + 1] = table[Int((b0 & 0x03) << 4 | b1 >> 4)]
                output[o + 2] = table[Int((b1 & 0x0F) << 2)]
                o += 3
            default:
                break
            }
            return o
        }
    }

    func encodeBytes(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        let length = Self.encodedLength(input.count)
        // `[UInt8](unsafeUninitializedCapacity: 0)` stores the count into the stdlib's shared
        // empty-array object: a harmless write of 0 over 0, but a data race to TSan.
        guard length > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            initialized = encode(input, into: buffer)
        }
    }

    func encodeString(_ input: UnsafeRawBufferPointer) -> String {
        let length = Self.encodedLength(input.count)
        return String(unsafeUninitializedCapacity: length) { buffer in
            encode(input, into: buffer)
        }
    }

    /// The decoded length of `count` characters, or nil when no input of that length is valid.
    static func decodedLength(_ count: Int) -> Int? {
        switch count % 4 {
        case 0: count / 4 * 3
        case 2: count / 4 * 3 + 1
        case 3: count / 4 * 3 + 2
        default: nil
        }
    }

    func decode(_ input: UnsafeRawBufferPointer) throws(CryptoError) -> [UInt8] {
        guard let length = Self.decodedLength(input.count) else { throw .invalidEncoding }
        guard length > 0 else { return [] }  // as in `encodeBytes`: never write the empty array
        var valid = true
        let result = [UInt8](unsafeUninitializedCapacity: length) { output, initialized in
            valid = decode(input, into: output)
            initialized = valid ? length : 0
        }
        guard valid else { throw .invalidEncoding }
        return result
    }

    /// Decodes into `output` (exactly `decodedLength(input.count)` bytes); false if invalid.
    private func decode(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>
    )
        -> Bool
    {
        decodeTable.withUnsafeBufferPointer { table in
            let count = input.count
            var i = 0
            var o = 0
            var bad: UInt8 = 0
            while i + 4 <= count {
                let s0 = table[Int(input[i])]
                let s1 = table[Int(input[i + 1])]
                let s2 = table[Int(input[i + 2])]
                let s3 = table[Int(input[i + 3])]
                bad |= (s0 | s1 | s2 | s3) & 0x80
                output[o] = s0 << 2 | s1 >> 4
                output[o + 1] = s1 << 4 | s2 >> 2
                output[o + 2] = s2 << 6 | s3
                i += 4
                o += 3
            }
            switch count - i {
            case 2:
                let s0 = table[Int(input[i])]
                let s1 = table[Int(input[i + 1])]
                bad |= (s0 | s1) & 0x80
                bad |= s1 & 0x0F  // unused low bits must be zero
                output[o] = s0 << 2 | s1 >> 4
            case 3:
                let s0 = table[Int(input[i])]
                let s1 = table[Int(input[i + 1])]
                let s2 = table[Int(input[i + 2])]
                bad |= (s0 | s1 | s2) & 0x80
                bad |= s2 & 0x03  // unused low bits must be zero
                output[o] = s0 << 2 | s1 >> 4
                output[o + 1] = s1 << 4 | s2 >> 2
            default:
                break
            }
            return bad == 0
        }
    }
}
