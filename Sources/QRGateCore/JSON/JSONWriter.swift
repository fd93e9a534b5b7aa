/// The one JSON writer: compact JSON text appended to a byte buffer, field by field, in the
/// order the caller writes it. Every JSON the gate emits goes through it (API answers, the
/// forwarder's batches, scan reports, configuration summaries), so all escape alike.
///
/// Strings are escaped strictly: `"` and `\`, every C0 control and DEL, the C1 controls
/// (U+0080–U+009F) and the line and paragraph separators (U+2028, U+2029), which some
/// JavaScript and log readers take as line breaks. Everything else is copied as UTF-8.
public struct JSONWriter: Sendable {
    /// The text so far, UTF-8.
    public private(set) var bytes: [UInt8]

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends JSON punctuation or a literal the caller has already made valid (`{`, `,"key":`).
    public mutating func raw(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends already-valid JSON text (a nested document written elsewhere).
    public mutating func json(_ text: [UInt8]) {
        bytes.append(contentsOf: text)
    }

    /// Appends `"key":` after a comma unless `first`.
    public mutating func key(_ name: String, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Appends `null`.
    public mutating func null() { raw("null") }

    /// Appends `true` or `false`.
    public mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// Appends an integer.
    public mutating func number(_ value: Int64) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// Appends a number as JavaScript's `JSON.stringify` spells it (non-finite as `null`).
    public mutating func number(_ value: Double) {
        bytes.append(contentsOf: JSONValue.format(number: value).utf8)
    }

    /// Appends a string or `null`.
    public mutating func string(_ value: String?) {
        guard var value else { return null() }
        value.withUTF8 { append(quoted: $0) }
    }

    /// Appends a JSON array of strings.
    public mutating func strings(_ values: some Sequence<String>) {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for value in values {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Appends a value.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n): number(n)
        case .string(let s): string(s)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                self.value(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (i, name) in members.keys.sorted().enumerated() {
                key(name, first: i == 0)
                self.value(members[name]!)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func escape(_ scalar: UInt32) {
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(Self.hex[Int((scalar >> UInt32(shift)) & 0xF)]) }
    }

    private mutating func append(quoted utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        var i = 0
        let count = utf8.count
        while i < count {
            let byte = utf8[i]
            // Plain printable ASCII and multi-byte sequences other than the few escaped ones.
            var escapeLength = 0
            var replacement: UInt8 = 0
            var scalar: UInt32 = 0
            switch byte {
            case UInt8(ascii: "\""): (escapeLength, replacement) = (1, UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): (escapeLength, replacement) = (1, UInt8(ascii: "\\"))
            case 0x0A: (escapeLength, replacement) = (1, UInt8(ascii: "n"))
            case 0x0D: (escapeLength, replacement) = (1, UInt8(ascii: "r"))
            case 0x09: (escapeLength, replacement) = (1, UInt8(ascii: "t"))
            case 0x08: (escapeLength, replacement) = (1, UInt8(ascii: "b"))
            case 0x0C: (escapeLength, replacement) = (1, UInt8(ascii: "f"))
            case 0x00..<0x20, 0x7F: (escapeLength, scalar) = (1, UInt32(byte))
            case 0xC2 where i + 1 < count && (0x80...0x9F).contains(utf8[i + 1]):
                (escapeLength, scalar) = (2, UInt32(utf8[i + 1]))
            case 0xE2 where i + 2 < count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                (escapeLength, scalar) = (3, 0x2000 | UInt32(utf8[i + 2] - 0x80))
            default: break
            }
            if escapeLength == 0 {
                i += 1
                continue
            }
            if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
            if replacement != 0 {
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(replacement)
            } else {
                escape(scalar)
            }
            i += escapeLength
            start = i
        }
        if start < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<count])) }
        bytes.append(UInt8(ascii: "\""))
    }
}
