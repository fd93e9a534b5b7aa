/// A CBOR data item (RFC 8949).
///
/// Integers keep their full 65-bit range: `.negative(n)` stands for `-1 - n`. Maps keep
/// their entries in encoded order so that a re-encoding is faithful. Floating-point values
/// of every width decode to `Double`; the encoder picks the shortest width that keeps
/// the value (preferred serialization).
public indirect enum CBORValue: Sendable, Hashable {
    /// Major type 0.
    case unsigned(UInt64)
    /// Major type 1: the value `-1 - n`.
    case negative(UInt64)
    /// Major type 2.
    case bytes([UInt8])
    /// Major type 3.
    case text(String)
    /// Major type 4.
    case array([CBORValue])
    /// Major type 5, entries in encoded order.
    case map([CBORMapEntry])
    /// Major type 6.
    case tagged(UInt64, CBORValue)
    /// `false` / `true` (simple values 20, 21).
    case bool(Bool)
    /// Simple value 22.
    case null
    /// Simple value 23.
    case undefined
    /// Any other simple value.
    case simple(UInt8)
    /// Half, single or double precision float.
    case float(Double)
}

/// One key/value pair of a CBOR map.
public struct CBORMapEntry: Sendable, Hashable {
    /// The key.
    public var key: CBORValue
    /// The value.
    public var value: CBORValue
    /// Creates an entry.
    public init(key: CBORValue, value: CBORValue) {
        self.key = key
        self.value = value
    }
}

extension CBORValue {
    /// An integer item for any `Int`.
    public static func int(_ value: Int) -> CBORValue {
        value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-(value + 1)))
    }

    /// The value as `Int` when it is an integer that fits.
    public var intValue: Int? {
        switch self {
        case .unsigned(let n): return n <= UInt64(Int.max) ? Int(n) : nil
        case .negative(let n): return n <= UInt64(Int.max) ? -Int(n) - 1 : nil
        default: return nil
        }
    }

    /// The value as a `Double` for integers and floats.
    public var numericValue: Double? {
        switch self {
        case .unsigned(let n): return Double(n)
        case .negative(let n): return -1 - Double(n)
        case .float(let d): return d
        default: return nil
        }
    }

    /// The bytes of a byte string.
    public var bytesValue: [UInt8]? {
        if case .bytes(let b) = self { return b }
        return nil
    }

    /// The text of a text string.
    public var textValue: String? {
        if case .text(let t) = self { return t }
        return nil
    }

    /// The entries of a map.
    public var mapEntries: [CBORMapEntry]? {
        if case .map(let m) = self { return m }
        return nil
    }

    /// The value for `key` in a map (first match).
    public subscript(key: CBORValue) -> CBORValue? {
        guard case .map(let entries) = self else { return nil }
        return entries.first(where: { $0.key == key })?.value
    }

    /// The value for integer `key` in a map.
    public subscript(intKey key: Int) -> CBORValue? { self[.int(key)] }
}
