import Foundation

extension CBORValue {
    /// The item as JSON, as a DCC payload is shown: tag-0 date-time strings stay strings,
    /// tag-1 epochs become ISO 8601 UTC strings, byte strings become Base64, other tags
    /// are dropped, `undefined` and other simple values become `null`, and non-text map
    /// keys are written as their decimal or textual form.
    public var jsonValue: JSONValue {
        switch self {
        case .unsigned, .negative, .float: return .number(numericValue ?? 0)
        case .bytes(let b): return .string(Data(b).base64EncodedString())
        case .text(let t): return .string(t)
        case .array(let items): return .array(items.map(\.jsonValue))
        case .map(let entries):
            var object: [String: JSONValue] = [:]
            for entry in entries { object[entry.key.jsonKey] = entry.value.jsonValue }
            return .object(object)
        case .tagged(1, let inner):
            if let seconds = inner.numericValue { return .string(ISO8601Timestamp.format(Date(timeIntervalSince1970: seconds))) }
            return inner.jsonValue
        case .tagged(_, let inner): return inner.jsonValue
        case .bool(let b): return .bool(b)
        case .null, .undefined, .simple: return .null
        }
    }

    private var jsonKey: String {
        switch self {
        case .text(let t): return t
        case .unsigned, .negative: return intValue.map(String.init) ?? String(numericValue ?? 0)
        default: return jsonValue.serialized()
        }
    }

    /// A JSON value as CBOR: integral numbers that fit 64 bits become integers, other
    /// numbers floats, objects maps with text keys in sorted order.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let d):
            if d == d.rounded(), abs(d) < 0x1p63 {
                self = .int(Int(d))
            } else {
                self = .float(d)
            }
        case .string(let s): self = .text(s)
        case .array(let items): self = .array(items.map(CBORValue.init(json:)))
        case .object(let members):
            self = .map(members.keys.sorted().map { CBORMapEntry(key: .text($0), value: CBORValue(json: members[$0]!)) })
        }
    }
}
