import AuthLabJSON
import FuzzSupport

/// Any bytes as a JSON document: the parser must never crash, and what it accepts must
/// survive the writer: parse(serialize(parse(x))) == parse(x), and serializing is stable.
@main
enum FuzzJSON {
    static func main() {
        FuzzDriver.run { data, size in
            FuzzJSON.test(FuzzDriver.buffer(data, size))
            return 0
        }
    }

    static func test(_ bytes: UnsafeRawBufferPointer) {
        guard let value = try? JSONParser.parse(bytes) else { return }
        let written = JSONWriter.serialize(value)
        let reparsed: JSONValue
        do {
            reparsed = try JSONParser.parse(written)
        } catch {
            invariant(false, "the writer's output does not parse: \(error.code.rawValue)")
            return
        }
        invariant(reparsed == value, "parse(serialize(v)) != v")
        invariant(JSONWriter.serialize(reparsed) == written, "serialize is not stable")
    }
}
