/// The recursive-descent state machine behind `JSONParser`: one pass, no copies of the input.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    let maxDepth: Int
    var index = 0

    init(bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func parseDocument() throws(JSONError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw JSONError(.trailingData, at: index) }
        return value
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The byte at the cursor, or `unexpected_end`.
    @inline(__always)
    func peek() throws(JSONError) -> UInt8 {
        guard index < bytes.count else { throw JSONError(.unexpectedEnd, at: index) }
        return bytes[index]
    }

    mutating func parseValue(depth: Int) throws(JSONError) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "{"): return .object(try parseObject(depth: depth + 1))
        case UInt8(ascii: "["): return .array(try parseArray(depth: depth + 1))
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw JSONError(.unexpectedByte, at: index)
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let start = index
        for offset in 0..<literal.utf8CodeUnitCount {
            guard start + offset < bytes.count else {
                throw JSONError(.unexpectedEnd, at: start + offset)
            }
            guard bytes[start + offset] == literal.utf8Start[offset] else {
                throw JSONError(.unexpectedByte, at: start + offset)
            }
        }
        index = start + literal.utf8CodeUnitCount
    }

    mutating func parseObject(depth: Int) throws(JSONError) -> JSONObject {
        guard depth <= maxDepth else { throw JSONError(.tooDeep, at: index) }
        index += 1  // "{"
        var members: [JSONObject.Member] = []
        var keys = KeySet()
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return JSONObject(uniqueMembers: members)
        }
        members.reserveCapacity(8)
        while true {
            skipWhitespace()
            let keyOffset = index
            guard try peek() == UInt8(ascii: "\"") else {
                throw JSONError(.unexpectedByte, at: index)
            }
            let key = try parseString()
            // Decoding an escape always shortens the text, so equal lengths mean no escapes and
            // the raw bytes between the quotes are the key's UTF-8.
            let raw = UnsafeRawBufferPointer(rebasing: bytes[keyOffset + 1..<index - 1])
            let utf8 = raw.count == key.utf8.count ? raw : nil
            guard keys.insert(key, utf8: utf8, existing: members) else {
                throw JSONError(.duplicateKey, at: keyOffset)
            }
            skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else {
                throw JSONError(.unexpectedByte, at: index)
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONObject.Member(key: key, value: value))
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return JSONObject(uniqueMembers: members)
            default: throw JSONError(.unexpectedByte, at: index)
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONError) -> [JSONValue] {
        guard depth <= maxDepth else { throw JSONError(.tooDeep, at: index) }
        index += 1  // "["
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return elements
            default: throw JSONError(.unexpectedByte, at: index)
            }
        }
    }
}
