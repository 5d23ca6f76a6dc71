extension JSONScanner {
    /// Parses `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` at the cursor.
    mutating func parseNumber() throws(JSONError) -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < bytes.count else { throw JSONError(.unexpectedEnd, at: index) }
        guard isDigit(bytes[index]) else { throw JSONError(.invalidNumber, at: index) }
        // Accumulate negatively so Int64.min fits; `fits` turns false on overflow.
        var value: Int64 = 0
        var fits = true
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw JSONError(.invalidNumber, at: index)
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                let digit = Int64(bytes[index] &- UInt8(ascii: "0"))
                if fits {
                    let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                    let (next, o2) = times10.subtractingReportingOverflow(digit)
                    fits = !(o1 || o2)
                    value = next
                }
                index += 1
            }
        }
        var integral = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            integral = false
            index += 1
            try skipDigits()
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            integral = false
            index += 1
            if index < bytes.count,
                bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
            {
                index += 1
            }
            try skipDigits()
        }
        if integral && fits {
            if negative { return .int(value) }
            let (positive, overflow) = Int64(0).subtractingReportingOverflow(value)
            if !overflow { return .int(positive) }
        }
        let text = String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let double = Double(text), double.isFinite else {
            throw JSONError(.numberOutOfRange, at: start)
        }
        return .double(double)
    }

    /// One or more digits, else `invalid_number`.
    private mutating func skipDigits() throws(JSONError) {
        guard index < bytes.count else { throw JSONError(.unexpectedEnd, at: index) }
        guard isDigit(bytes[index]) else { throw JSONError(.invalidNumber, at: index) }
        while index < bytes.count, isDigit(bytes[index]) {
            index += 1
        }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
