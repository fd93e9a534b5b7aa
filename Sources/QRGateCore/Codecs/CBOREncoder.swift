/// Encodes CBOR items (RFC 8949) with the shortest argument and float widths
/// (preferred serialization). Map entries are written in the order given.
public enum CBOREncoder {
    /// The encoding of `value`.
    public static func encode(_ value: CBORValue) -> [UInt8] {
        var out: [UInt8] = []
        encode(value, into: &out)
        return out
    }

    /// Appends the encoding of `value` to `out`.
    public static func encode(_ value: CBORValue, into out: inout [UInt8]) {
        switch value {
        case .unsigned(let n): head(0, n, &out)
        case .negative(let n): head(1, n, &out)
        case .bytes(let b):
            head(2, UInt64(b.count), &out)
            out.append(contentsOf: b)
        case .text(let t):
            head(3, UInt64(t.utf8.count), &out)
            out.append(contentsOf: t.utf8)
        case .array(let items):
            head(4, UInt64(items.count), &out)
            for item in items { encode(item, into: &out) }
        case .map(let entries):
            head(5, UInt64(entries.count), &out)
            for entry in entries {
                encode(entry.key, into: &out)
                encode(entry.value, into: &out)
            }
        case .tagged(let tag, let item):
            head(6, tag, &out)
            encode(item, into: &out)
        case .bool(let b): out.append(b ? 0xF5 : 0xF4)
        case .null: out.append(0xF6)
        case .undefined: out.append(0xF7)
        case .simple(let s):
            if s < 24 {
                out.append(0xE0 | s)
            } else {
                out.append(0xF8)
                out.append(s)
            }
        case .float(let d): float(d, &out)
        }
    }

    private static func head(_ major: UInt8, _ n: UInt64, _ out: inout [UInt8]) {
        let m = major << 5
        switch n {
        case 0..<24: out.append(m | UInt8(n))
        case 24...0xFF: out.append(contentsOf: [m | 24, UInt8(n)])
        case 0x100...0xFFFF: out.append(contentsOf: [m | 25, UInt8(n >> 8), UInt8(n & 0xFF)])
        case 0x10000...0xFFFF_FFFF:
            out.append(m | 26)
            for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: n >> UInt64(shift))) }
        default:
            out.append(m | 27)
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: n >> UInt64(shift))) }
        }
    }

    private static func float(_ d: Double, _ out: inout [UInt8]) {
        if d.isNaN {
            out.append(contentsOf: [0xF9, 0x7E, 0x00])
            return
        }
        if let half = halfBits(d) {
            out.append(contentsOf: [0xF9, UInt8(half >> 8), UInt8(half & 0xFF)])
            return
        }
        let single = Float(d)
        if Double(single) == d {
            let bits = single.bitPattern
            out.append(0xFA)
            for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift))) }
            return
        }
        let bits = d.bitPattern
        out.append(0xFB)
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    /// The half-precision bits of `d` when the conversion is exact.
    private static func halfBits(_ d: Double) -> UInt16? {
        let sign: UInt16 = d.sign == .minus ? 0x8000 : 0
        let m = abs(d)
        if m == 0 { return sign }
        if m.isInfinite { return sign | 0x7C00 }
        // Subnormal halves: multiples of 2^-24 below 2^-14.
        if m < 0x1p-14 {
            let scaled = m * 0x1p24
            guard scaled == scaled.rounded(), scaled >= 1 else { return nil }
            return sign | UInt16(scaled)
        }
        let exponent = Int(m.exponent)
        guard exponent <= 15 else { return nil }
        let significand = m.significand  // in [1, 2)
        let mantissa = (significand - 1) * 1024
        guard mantissa == mantissa.rounded() else { return nil }
        return sign | UInt16(exponent + 15) << 10 | UInt16(mantissa)
    }
}
