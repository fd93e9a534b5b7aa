import Foundation
import QRGateCore
import Testing

/// The one JSON writer: whatever string goes in, the text parses back to the same string, with
/// both our parser and Foundation's, and the characters readers mistake for line breaks or
/// controls never appear raw.
@Suite struct JSONWriterTests {
    static let awkward: [String] = [
        "", "plain", "Nguyễn Văn An", "quote \" and backslash \\", "nul \u{0} tab \t newline \n return \r",
        "bell \u{07} escape \u{1B} del \u{7F}", "next line \u{85} csi \u{9B}", "line sep \u{2028} para sep \u{2029}",
        "emoji 👩🏽‍⚕️ and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u{202E}override", "trailing \u{C2}", "\u{E2}\u{80}",
    ]

    @Test(arguments: awkward) func aStringRoundTrips(_ text: String) throws {
        var writer = JSONWriter()
        writer.raw("[")
        writer.string(text)
        writer.raw("]")
        #expect(try JSONValue(parsing: writer.bytes) == .array([.string(text)]))
        let foundation = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String]
        #expect(foundation == [text])
        for raw: UInt8 in Array(0..<0x20) + [0x7F] { #expect(!writer.bytes.contains(raw)) }
        #expect(!writer.text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 })
    }

    @Test func randomStringsRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let pool: [UInt32] = Array(0..<0x80) + [0x85, 0x9F, 0xA0, 0x2028, 0x2029, 0x1EA1, 0x1F600]
        for _ in 0..<2000 {
            let text = String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0..<24, using: &generator)).map { _ in
                        Unicode.Scalar(pool.randomElement(using: &generator)!)!
                    }))
            var writer = JSONWriter()
            writer.string(text)
            #expect(try JSONValue(parsing: writer.bytes) == .string(text))
        }
    }

    @Test func valuesSerialiseWithSortedKeysAndParseBack() throws {
        let value: JSONValue = ["b": [1, 2.5, "x\u{2028}"], "a": ["nested": true, "none": .null], "n": -3]
        #expect(value.serialized() == #"{"a":{"nested":true,"none":null},"b":[1,2.5,"x\u2028"],"n":-3}"#)
        #expect(try JSONValue(parsing: Array(value.serialized().utf8)) == value)
    }
}
