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

@Suite struct JSONNumberFormattingTests {
    @Test(arguments: [
        (1.0, "1"), (-0.0, "0"), (0.5, "0.5"), (0.1 + 0.2, "0.30000000000000004"), (1e15, "1000000000000000"),
        (1e20, "100000000000000000000"), (1e21, "1e+21"), (1e-7, "1e-7"), (1e-5, "0.00001"), (1.5e-6, "0.0000015"), (-2e-6, "-0.000002"),
        (1.5e-10, "1.5e-10"), (-2.5e300, "-2.5e+300"),
        (123456789.125, "123456789.125"),
    ])
    func numbersPrintAsJavaScriptPrintsThem(value: Double, expected: String) {
        #expect(JSONValue.format(number: value) == expected)
    }
}
