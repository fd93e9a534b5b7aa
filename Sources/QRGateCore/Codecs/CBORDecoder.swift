/// Decodes CBOR (RFC 8949) with limits, so that hostile input cannot exhaust memory or stack.
///
/// Every declared length is checked against the bytes that remain before anything is
/// allocated; an array or map of `n` items needs at least `n` (or `2n`) more bytes.
public struct CBORDecoder: Sendable {
    /// Limits applied while decoding.
    public struct Limits: Sendable {
        /// Deepest nesting of arrays, maps and tags.
        public var maxDepth: Int = 64
        /// Largest byte or text string, in bytes.
        public var maxStringLength: Int = 1 << 20
        /// Largest number of items in one array or map.
        public var maxItems: Int = 1 << 16
        /// Creates the default limits.
        public init() {}
    }

    /// The limits in force.
    public var limits: Limits

    /// Creates a decoder.
    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Decodes exactly one item that must span all of `bytes`.
    public func decode(_ bytes: [UInt8]) throws(CBORError) -> CBORValue {
        var reader = Reader(bytes: bytes, limits: limits)
        let value = try reader.item(depth: 0)
        if reader.index != bytes.count {
            throw CBORError(
                .trailingBytes, offset: reader.index,
                "CBOR data has \(bytes.count - reader.index) unexpected bytes after the first item; the data is corrupt or not CBOR.")
        }
        return value
    }

    /// Decodes one item from the front of `bytes` and returns it with the number of bytes it took.
    public func decodePrefix(_ bytes: [UInt8]) throws(CBORError) -> (value: CBORValue, length: Int) {
        var reader = Reader(bytes: bytes, limits: limits)
        let value = try reader.item(depth: 0)
        return (value, reader.index)
    }

    private struct Reader {
        let bytes: [UInt8]
        let limits: Limits
        var index = 0

        init(bytes: [UInt8], limits: Limits) {
            self.bytes = bytes
            self.limits = limits
        }

        var remaining: Int { bytes.count - index }

        func truncated() -> CBORError {
            CBORError(.truncated, offset: index, "CBOR data ends in the middle of an item at byte \(index); the data is incomplete.")
        }

        mutating func byte() throws(CBORError) -> UInt8 {
            guard index < bytes.count else { throw truncated() }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func uint(_ count: Int) throws(CBORError) -> UInt64 {
            guard remaining >= count else { throw truncated() }
            var n: UInt64 = 0
            for i in 0..<count { n = n << 8 | UInt64(bytes[index + i]) }
            index += count
            return n
        }

        /// Reads the argument for additional info `info`; nil means indefinite length (31).
        mutating func argument(_ info: UInt8, at start: Int) throws(CBORError) -> UInt64? {
            switch info {
            case 0..<24: return UInt64(info)
            case 24: return try uint(1)
            case 25: return try uint(2)
            case 26: return try uint(4)
            case 27: return try uint(8)
            case 31: return nil
            default:
                throw CBORError(
                    .malformed, offset: start, "CBOR item at byte \(start) uses reserved additional information \(info); the data is not valid CBOR.")
            }
        }

        mutating func length(_ value: UInt64, limit: Int, minBytesEach: Int, at start: Int) throws(CBORError) -> Int {
            guard value <= UInt64(limit) else {
                throw CBORError(.tooLarge, offset: start, "CBOR item at byte \(start) declares \(value) elements, more than the limit of \(limit).")
            }
            let n = Int(value)
            guard n * minBytesEach <= remaining else { throw truncated() }
            return n
        }

        mutating func item(depth: Int) throws(CBORError) -> CBORValue {
            guard depth <= limits.maxDepth else {
                throw CBORError(
                    .tooDeep, offset: index, "CBOR data nests deeper than \(limits.maxDepth) levels; it is rejected as hostile or corrupt.")
            }
            let start = index
            let initial = try byte()
            let major = initial >> 5
            let info = initial & 0x1F
            if major == 7 { return try simpleOrFloat(info, at: start) }
            let arg = try argument(info, at: start)
            switch major {
            case 0:
                guard let arg else { throw malformedIndefinite(start) }
                return .unsigned(arg)
            case 1:
                guard let arg else { throw malformedIndefinite(start) }
                return .negative(arg)
            case 2, 3:
                var data: [UInt8]
                if let arg {
                    let n = try length(arg, limit: limits.maxStringLength, minBytesEach: 1, at: start)
                    data = Array(bytes[index..<index + n])
                    index += n
                } else {
                    data = []
                    while true {
                        let chunkStart = index
                        let head = try byte()
                        if head == 0xFF { break }
                        guard head >> 5 == major, let chunkLength = try argument(head & 0x1F, at: chunkStart) else {
                            throw CBORError(
                                .malformed, offset: chunkStart,
                                "CBOR indefinite-length string at byte \(start) holds a chunk of another type; the data is not valid CBOR.")
                        }
                        let n = try length(chunkLength, limit: limits.maxStringLength, minBytesEach: 1, at: chunkStart)
                        guard data.count + n <= limits.maxStringLength else {
                            throw CBORError(
                                .tooLarge, offset: chunkStart,
                                "CBOR string at byte \(start) is longer than the limit of \(limits.maxStringLength) bytes.")
                        }
                        data.append(contentsOf: bytes[index..<index + n])
                        index += n
                    }
                }
                if major == 2 { return .bytes(data) }
                guard let text = String(validating: data, as: UTF8.self) else {
                    throw CBORError(.invalidUTF8, offset: start, "CBOR text string at byte \(start) is not valid UTF-8.")
                }
                return .text(text)
            case 4:
                var items: [CBORValue] = []
                if let arg {
                    let n = try length(arg, limit: limits.maxItems, minBytesEach: 1, at: start)
                    items.reserveCapacity(n)
                    for _ in 0..<n { items.append(try item(depth: depth + 1)) }
                } else {
                    while true {
                        guard index < bytes.count else { throw truncated() }
                        if bytes[index] == 0xFF {
                            index += 1
                            break
                        }
                        guard items.count < limits.maxItems else { throw tooMany(start) }
                        items.append(try item(depth: depth + 1))
                    }
                }
                return .array(items)
            case 5:
                var entries: [CBORMapEntry] = []
                if let arg {
                    let n = try length(arg, limit: limits.maxItems, minBytesEach: 2, at: start)
                    entries.reserveCapacity(n)
                    for _ in 0..<n {
                        let key = try item(depth: depth + 1)
                        entries.append(CBORMapEntry(key: key, value: try item(depth: depth + 1)))
                    }
                } else {
                    while true {
                        guard index < bytes.count else { throw truncated() }
                        if bytes[index] == 0xFF {
                            index += 1
                            break
                        }
                        guard entries.count < limits.maxItems else { throw tooMany(start) }
                        let key = try item(depth: depth + 1)
                        entries.append(CBORMapEntry(key: key, value: try item(depth: depth + 1)))
                    }
                }
                return .map(entries)
            default:  // 6
                guard let arg else { throw malformedIndefinite(start) }
                return .tagged(arg, try item(depth: depth + 1))
            }
        }

        func malformedIndefinite(_ start: Int) -> CBORError {
            CBORError(
                .malformed, offset: start, "CBOR item at byte \(start) claims an indefinite length where none is allowed; the data is not valid CBOR."
            )
        }

        func tooMany(_ start: Int) -> CBORError {
            CBORError(.tooLarge, offset: start, "CBOR container at byte \(start) holds more than \(limits.maxItems) items.")
        }

        mutating func simpleOrFloat(_ info: UInt8, at start: Int) throws(CBORError) -> CBORValue {
            switch info {
            case 20: return .bool(false)
            case 21: return .bool(true)
            case 22: return .null
            case 23: return .undefined
            case 0..<20: return .simple(info)
            case 24:
                let value = try byte()
                guard value >= 32 else {
                    throw CBORError(
                        .malformed, offset: start,
                        "CBOR simple value at byte \(start) uses a two-byte form for a value below 32; the data is not valid CBOR.")
                }
                return .simple(value)
            case 25: return .float(Self.halfToDouble(UInt16(try uint(2))))
            case 26: return .float(Double(Float(bitPattern: UInt32(try uint(4)))))
            case 27: return .float(Double(bitPattern: try uint(8)))
            case 31:
                throw CBORError(
                    .malformed, offset: start,
                    "CBOR data has a break code at byte \(start) outside an indefinite-length item; the data is not valid CBOR.")
            default:
                throw CBORError(
                    .malformed, offset: start, "CBOR item at byte \(start) uses reserved additional information \(info); the data is not valid CBOR.")
            }
        }

        static func halfToDouble(_ half: UInt16) -> Double {
            let exponent = Int(half >> 10) & 0x1F
            let mantissa = Double(half & 0x3FF)
            let magnitude: Double
            switch exponent {
            case 0: magnitude = mantissa * 0x1p-24
            case 31: magnitude = mantissa == 0 ? .infinity : .nan
            default: magnitude = (1024 + mantissa) * Double(sign: .plus, exponent: exponent - 25, significand: 1)
            }
            return half & 0x8000 != 0 ? -magnitude : magnitude
        }
    }
}
