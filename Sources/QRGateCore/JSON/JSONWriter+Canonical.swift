/// RFC 8785 JSON Canonicalization Scheme (JCS), the form an ICAO VDS-NC signature covers.
extension JSONWriter {
    /// Appends `value` in its RFC 8785 canonical form: object members sorted by the UTF-16 code
    /// units of their names, no whitespace, numbers as ECMAScript prints them, and strings with
    /// only `"`, `\` and the C0 controls escaped (`\b \t \n \f \r` short, the rest `\u00xx`).
    /// Unlike ``value(_:)`` it leaves DEL, C1 and U+2028/9 as they are, because a signature
    /// over the canonical text is checked byte for byte.
    public mutating func canonical(_ value: JSONValue) {
        switch value {
        case .null, .bool, .number: self.value(value)
        case .string(let text): canonicalString(text)
        case .array(let elements):
            raw("[")
            for (position, element) in elements.enumerated() {
                if position > 0 { raw(",") }
                canonical(element)
            }
            raw("]")
        case .object(let members):
            raw("{")
            let names = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (position, name) in names.enumerated() {
                if position > 0 { raw(",") }
                canonicalString(name)
                raw(":")
                canonical(members[name]!)
            }
            raw("}")
        }
    }

    /// The canonical UTF-8 text of `value` (RFC 8785).
    public static func canonicalBytes(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        writer.canonical(value)
        return writer.bytes
    }

    private static let lowerHex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func canonicalString(_ text: String) {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x00..<0x20:
                out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                out += [Self.lowerHex[Int(byte >> 4)], Self.lowerHex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        json(out)
    }
}
