import QRGateCore
import Testing

@Suite struct JSONValueTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue(parsing: #"{"a":[1,2.5,-3e2,true,false,null],"b":"x\u00e9\n","c":{}}"#)
        #expect(value["a"] == [1, 2.5, -300, true, false, nil])
        #expect(value["b"] == "xé\n")
        #expect(value["c"] == .object([:]))
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONValue(parsing: #""\ud83d\ude00""#) == "😀")
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"abc", "tru", "[1] x", "\"\u{01}\""])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func limitsNestingDepth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep) }
    }

    @Test func serializesDeterministically() throws {
        let value: JSONValue = ["b": [1, 2.5, "q\"\u{1}"], "a": nil]
        #expect(value.serialized() == #"{"a":null,"b":[1,2.5,"q\"\u0001"]}"#)
        #expect(try JSONValue(parsing: value.serialized()) == value)
    }
}
