internal import AuthLabJSON

/// Writes the `{"error","error_description"}` body.
enum ErrorBody {
    static func serialize(code: String, description: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(40 + code.utf8.count + description.utf8.count)
        out.append(contentsOf: #"{"error":"#.utf8)
        JSONWriter.writeString(code, into: &out)
        out.append(contentsOf: #","error_description":"#.utf8)
        JSONWriter.writeString(description, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }
}
