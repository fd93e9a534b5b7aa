import QRGateCore
import Testing

@Suite struct CodecCBORTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var hex: String
        var value: CBORValue
        /// False where RFC 8949 shows a non-preferred encoding (decode only).
        var encodes: Bool = true
        var testDescription: String { hex }
    }

    static func hexBytes(_ s: String) -> [UInt8] { DCCTestVectors.hex(s)! }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func text(_ s: String) -> CBORValue { .text(s) }
    static func map(_ pairs: [(CBORValue, CBORValue)]) -> CBORValue { .map(pairs.map { CBORMapEntry(key: $0.0, value: $0.1) }) }

    /// RFC 8949 Appendix A, every example.
    static let examples: [Example] = [
        Example(hex: "00", value: .unsigned(0)),
        Example(hex: "01", value: .unsigned(1)),
        Example(hex: "0a", value: .unsigned(10)),
        Example(hex: "17", value: .unsigned(23)),
        Example(hex: "1818", value: .unsigned(24)),
        Example(hex: "1819", value: .unsigned(25)),
        Example(hex: "1864", value: .unsigned(100)),
        Example(hex: "1903e8", value: .unsigned(1000)),
        Example(hex: "1a000f4240", value: .unsigned(1_000_000)),
        Example(hex: "1b000000e8d4a51000", value: .unsigned(1_000_000_000_000)),
        Example(hex: "1bffffffffffffffff", value: .unsigned(UInt64.max)),
        Example(hex: "c249010000000000000000", value: .tagged(2, .bytes([1, 0, 0, 0, 0, 0, 0, 0, 0]))),
        Example(hex: "3bffffffffffffffff", value: .negative(UInt64.max)),
        Example(hex: "c349010000000000000000", value: .tagged(3, .bytes([1, 0, 0, 0, 0, 0, 0, 0, 0]))),
        Example(hex: "20", value: .int(-1)),
        Example(hex: "29", value: .int(-10)),
        Example(hex: "3863", value: .int(-100)),
        Example(hex: "3903e7", value: .int(-1000)),
        Example(hex: "f90000", value: .float(0.0)),
        Example(hex: "f98000", value: .float(-0.0)),
        Example(hex: "f93c00", value: .float(1.0)),
        Example(hex: "fb3ff199999999999a", value: .float(1.1)),
        Example(hex: "f93e00", value: .float(1.5)),
        Example(hex: "f97bff", value: .float(65504.0)),
        Example(hex: "fa47c35000", value: .float(100000.0)),
        Example(hex: "fa7f7fffff", value: .float(3.4028234663852886e+38)),
        Example(hex: "fb7e37e43c8800759c", value: .float(1.0e+300)),
        Example(hex: "f90001", value: .float(5.960464477539063e-8)),
        Example(hex: "f90400", value: .float(0.00006103515625)),
        Example(hex: "f9c400", value: .float(-4.0)),
        Example(hex: "fbc010666666666666", value: .float(-4.1)),
        Example(hex: "f97c00", value: .float(.infinity)),
        Example(hex: "f97e00", value: .float(.nan)),
        Example(hex: "f9fc00", value: .float(-.infinity)),
        Example(hex: "fa7f800000", value: .float(.infinity), encodes: false),
        Example(hex: "fa7fc00000", value: .float(.nan), encodes: false),
        Example(hex: "faff800000", value: .float(-.infinity), encodes: false),
        Example(hex: "fb7ff0000000000000", value: .float(.infinity), encodes: false),
        Example(hex: "fb7ff8000000000000", value: .float(.nan), encodes: false),
        Example(hex: "fbfff0000000000000", value: .float(-.infinity), encodes: false),
        Example(hex: "f4", value: .bool(false)),
        Example(hex: "f5", value: .bool(true)),
        Example(hex: "f6", value: .null),
        Example(hex: "f7", value: .undefined),
        Example(hex: "f0", value: .simple(16)),
        Example(hex: "f8ff", value: .simple(255)),
        Example(hex: "c074323031332d30332d32315432303a30343a30305a", value: .tagged(0, text("2013-03-21T20:04:00Z"))),
        Example(hex: "c11a514b67b0", value: .tagged(1, .unsigned(1_363_896_240))),
        Example(hex: "c1fb41d452d9ec200000", value: .tagged(1, .float(1_363_896_240.5))),
        Example(hex: "d74401020304", value: .tagged(23, .bytes([1, 2, 3, 4]))),
        Example(hex: "d818456449455446", value: .tagged(24, .bytes([0x64, 0x49, 0x45, 0x54, 0x46]))),
        Example(hex: "d82076687474703a2f2f7777772e6578616d706c652e636f6d", value: .tagged(32, text("http://www.example.com"))),
        Example(hex: "40", value: .bytes([])),
        Example(hex: "4401020304", value: .bytes([1, 2, 3, 4])),
        Example(hex: "60", value: text("")),
        Example(hex: "6161", value: text("a")),
        Example(hex: "6449455446", value: text("IETF")),
        Example(hex: "62225c", value: text("\"\\")),
        Example(hex: "62c3bc", value: text("\u{00FC}")),
        Example(hex: "63e6b0b4", value: text("\u{6C34}")),
        Example(hex: "64f0908591", value: text("\u{10151}")),
        Example(hex: "80", value: .array([])),
        Example(hex: "83010203", value: .array([.unsigned(1), .unsigned(2), .unsigned(3)])),
        Example(
            hex: "8301820203820405", value: .array([.unsigned(1), .array([.unsigned(2), .unsigned(3)]), .array([.unsigned(4), .unsigned(5)])])),
        Example(hex: "98190102030405060708090a0b0c0d0e0f101112131415161718181819", value: .array((1...25).map { .unsigned(UInt64($0)) })),
        Example(hex: "a0", value: .map([])),
        Example(hex: "a201020304", value: map([(.unsigned(1), .unsigned(2)), (.unsigned(3), .unsigned(4))])),
        Example(hex: "a26161016162820203", value: map([(text("a"), .unsigned(1)), (text("b"), .array([.unsigned(2), .unsigned(3)]))])),
        Example(hex: "826161a161626163", value: .array([text("a"), map([(text("b"), text("c"))])])),
        Example(
            hex: "a56161614161626142616361436164614461656145",
            value: map([(text("a"), text("A")), (text("b"), text("B")), (text("c"), text("C")), (text("d"), text("D")), (text("e"), text("E"))])),
        Example(hex: "5f42010243030405ff", value: .bytes([1, 2, 3, 4, 5]), encodes: false),
        Example(hex: "7f657374726561646d696e67ff", value: text("streaming"), encodes: false),
        Example(hex: "9fff", value: .array([]), encodes: false),
        Example(
            hex: "9f018202039f0405ffff", value: .array([.unsigned(1), .array([.unsigned(2), .unsigned(3)]), .array([.unsigned(4), .unsigned(5)])]),
            encodes: false),
        Example(
            hex: "9f01820203820405ff", value: .array([.unsigned(1), .array([.unsigned(2), .unsigned(3)]), .array([.unsigned(4), .unsigned(5)])]),
            encodes: false),
        Example(
            hex: "83018202039f0405ff", value: .array([.unsigned(1), .array([.unsigned(2), .unsigned(3)]), .array([.unsigned(4), .unsigned(5)])]),
            encodes: false),
        Example(
            hex: "83019f0203ff820405", value: .array([.unsigned(1), .array([.unsigned(2), .unsigned(3)]), .array([.unsigned(4), .unsigned(5)])]),
            encodes: false),
        Example(
            hex: "9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff", value: .array((1...25).map { .unsigned(UInt64($0)) }), encodes: false),
        Example(
            hex: "bf61610161629f0203ffff", value: map([(text("a"), .unsigned(1)), (text("b"), .array([.unsigned(2), .unsigned(3)]))]), encodes: false),
        Example(hex: "826161bf61626163ff", value: .array([text("a"), map([(text("b"), text("c"))])]), encodes: false),
        Example(hex: "bf6346756ef563416d7421ff", value: map([(text("Fun"), .bool(true)), (text("Amt"), .int(-2))]), encodes: false),
    ]

    static func same(_ a: CBORValue, _ b: CBORValue) -> Bool {
        if case .float(let x) = a, case .float(let y) = b {
            return (x.isNaN && y.isNaN) || (x == y && x.sign == y.sign)
        }
        if case .tagged(let t1, let i1) = a, case .tagged(let t2, let i2) = b { return t1 == t2 && same(i1, i2) }
        return a == b
    }

    @Test("RFC 8949 Appendix A", arguments: examples)
    func appendixA(_ example: Example) throws {
        let decoded = try CBORDecoder().decode(Self.hexBytes(example.hex))
        #expect(Self.same(decoded, example.value), "decoded \(decoded)")
        if example.encodes {
            #expect(Self.hex(CBOREncoder.encode(example.value)) == example.hex)
        }
    }

    @Test(arguments: [
        ("", CBORError.Code.truncated),
        ("18", .truncated),
        ("1c", .malformed),
        ("ff", .malformed),
        ("5f01ff", .malformed),  // a non-string chunk in an indefinite byte string
        ("62c3", .truncated),
        ("62c328", .invalidUTF8),
        ("0000", .trailingBytes),
        ("9b00000000ffffffff", .tooLarge),  // 4 billion items declared
        ("5a7fffffff", .tooLarge),
        ("5a0000ffff00", .truncated),  // length beyond the input
        ("f801", .malformed),  // two-byte simple value below 32
        ("1f", .malformed),  // indefinite unsigned integer
    ])
    func malformed(hex: String, code: CBORError.Code) {
        #expect {
            try CBORDecoder().decode(Self.hexBytes(hex))
        } throws: { error in
            (error as? CBORError)?.code == code
        }
    }

    @Test func depthLimit() {
        let deep = [UInt8](repeating: 0x81, count: 10_000) + [0x00]
        #expect {
            try CBORDecoder().decode(deep)
        } throws: { error in
            (error as? CBORError)?.code == .tooDeep
        }
        let shallow = [UInt8](repeating: 0x81, count: 60) + [0x00]
        #expect(throws: Never.self) { try CBORDecoder().decode(shallow) }
    }

    @Test func jsonConversion() throws {
        // {"d": 0("2021-05-01T00:00:00Z"), "e": 1(1619827200), "b": h'0102', -1: 5}
        let value = try CBORDecoder().decode(Self.hexBytes("a46164c074323032312d30352d30315430303a30303a30305a6165c11a608c9a0061624201022005"))
        #expect(value.jsonValue == ["d": "2021-05-01T00:00:00Z", "e": "2021-05-01T00:00:00Z", "b": "AQI=", "-1": 5])
        let json: JSONValue = ["a": 1, "b": [1.5, "x", nil, true]]
        #expect(try CBORDecoder().decode(CBOREncoder.encode(CBORValue(json: json))).jsonValue == json)
    }
}
