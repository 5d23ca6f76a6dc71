import AuthLabJSON
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test("writes compact JSON in member order")
    func compact() {
        let value: JSONValue = [
            "alg": "HS256", "typ": "JWT", "n": 1, "f": 1.5, "b": false, "z": nil, "a": [1, "x"],
        ]
        #expect(
            JSONWriter.string(value)
                == "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"n\":1,\"f\":1.5,\"b\":false,\"z\":null,\"a\":[1,\"x\"]}"
        )
    }

    @Test("escapes quote, backslash and control characters; leaves / and non-ASCII")
    func escaping() {
        let text = "q\"b\\s/n\nr\rt\tb\u{8}f\u{c}u\u{1}\u{1f}é😀"
        #expect(
            JSONWriter.string(.string(text))
                == "\"q\\\"b\\\\s/n\\nr\\rt\\tb\\bf\\fu\\u0001\\u001fé😀\"")
    }

    @Test("non-finite doubles are written as null, never as invalid JSON")
    func nonFinite() {
        #expect(JSONWriter.string([.double(.infinity), .double(.nan)]) == "[null,null]")
    }

    @Test("parse(serialize(x)) == x for a varied document")
    func roundTrip() throws {
        let value: JSONValue = [
            "iss": "https://issuer.example/", "aud": ["a", "b"], "exp": 1_700_000_000,
            "nested": ["deep": [["x": -9_223_372_036_854_775_808]], "e": [:], "arr": []],
            "d": 0.1, "big": 1e300, "neg": -2.5e-8, "s": "tab\t\"quote\" \u{7f} \u{2028} 😀",
        ]
        let bytes = JSONWriter.serialize(value)
        #expect(try JSONParser.parse(bytes) == value)
        #expect(JSONWriter.serialize(try JSONParser.parse(bytes)) == bytes)
    }

    @Test("object equality ignores member order; lookup and assignment work")
    func objectSemantics() {
        var object: JSONObject = ["a": 1, "b": 2]
        #expect(object == ["b": 2, "a": 1])
        #expect(object != ["a": 1, "b": 3])
        object["a"] = "changed"
        object["c"] = true
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object["a"] == "changed")
        #expect(object.contains("c"))
        #expect(!object.contains("b"))
    }
}
