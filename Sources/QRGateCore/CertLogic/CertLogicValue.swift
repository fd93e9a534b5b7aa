/// A value a CertLogic expression evaluates to: JSON extended with date-times.
///
/// Arrays and objects taken from the data context are kept as the `JSONValue` they
/// came in (no copying per evaluation); arrays built by the expression hold
/// `CertLogicValue`s, because they may contain date-times.
public struct CertLogicValue: Sendable, Hashable, CustomStringConvertible {
    enum Storage: Sendable, Hashable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case dateTime(CertLogicDateTime)
        /// An array or object from the data context, unchanged.
        case json(JSONValue)
        /// An array built by the expression; `depth` counts the nesting of built containers.
        case array([CertLogicValue], depth: Int)
        /// An object built by the evaluator (the `reduce` lambda's context).
        case object([String: CertLogicValue], depth: Int)
    }

    let storage: Storage

    init(storage: Storage) { self.storage = storage }

    /// `null`.
    public static let null = CertLogicValue(storage: .null)
    /// `true`.
    public static let `true` = CertLogicValue(storage: .bool(true))
    /// `false`.
    public static let `false` = CertLogicValue(storage: .bool(false))

    /// A boolean.
    public static func bool(_ value: Bool) -> CertLogicValue { value ? .true : .false }
    /// A number.
    public static func number(_ value: Double) -> CertLogicValue { CertLogicValue(storage: .number(value)) }
    /// A string.
    public static func string(_ value: String) -> CertLogicValue { CertLogicValue(storage: .string(value)) }
    /// A date-time.
    public static func dateTime(_ value: CertLogicDateTime) -> CertLogicValue {
        CertLogicValue(storage: .dateTime(value))
    }

    /// Wraps a JSON value (shares its storage; nothing is copied).
    public init(_ json: JSONValue) {
        switch json {
        case .null: storage = .null
        case .bool(let b): storage = .bool(b)
        case .number(let n): storage = .number(n)
        case .string(let s): storage = .string(s)
        case .array, .object: storage = .json(json)
        }
    }

    /// The value as JSON; date-times become ISO 8601 UTC strings with milliseconds
    /// (`"2021-06-01T00:00:00.000Z"`).
    public var jsonValue: JSONValue {
        switch storage {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .dateTime(let d): return .string(d.iso8601)
        case .json(let j): return j
        case .array(let items, _): return .array(items.map(\.jsonValue))
        case .object(let members, _): return .object(members.mapValues(\.jsonValue))
        }
    }

    /// The date-time, when this value is one.
    public var dateTimeValue: CertLogicDateTime? {
        if case .dateTime(let d) = storage { return d }
        return nil
    }

    /// True when this value is a date-time.
    public var isDateTime: Bool { dateTimeValue != nil }

    /// The compact JSON text of ``jsonValue``.
    public var description: String { jsonValue.serialized() }

    /// Structural equality over the JSON form, except that a date-time never equals a string.
    public static func == (lhs: CertLogicValue, rhs: CertLogicValue) -> Bool {
        if lhs.isDateTime || rhs.isDateTime { return lhs.dateTimeValue == rhs.dateTimeValue }
        return lhs.jsonValue == rhs.jsonValue
    }

    /// Hashes the JSON form.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(isDateTime)
        hasher.combine(jsonValue)
    }

    // MARK: Internal helpers

    /// Nesting of containers the evaluator built (data-context containers count as 0).
    var builtDepth: Int {
        switch storage {
        case .array(_, let depth), .object(_, let depth): return depth
        default: return 0
        }
    }

    /// The integer value, when this is a number with an integral value.
    var integerValue: Double? {
        if case .number(let n) = storage, n.isFinite, n.rounded(.towardZero) == n { return n }
        return nil
    }

    /// A short name of the value's type, for error messages.
    var typeName: String {
        switch storage {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number(let n): return n.isFinite && n.rounded(.towardZero) == n ? "an integer" : "a non-integer number"
        case .string: return "a string"
        case .dateTime: return "a date-time"
        case .json(.array), .array: return "an array"
        default: return "an object"
        }
    }

    /// `true` = truthy, `false` = falsy, `nil` = neither (per CertLogic 1.3).
    var boolsiness: Bool? {
        switch storage {
        case .null: return false
        case .bool(let b): return b
        case .number(let n):
            guard n.isFinite, n.rounded(.towardZero) == n else { return nil }
            return n != 0
        case .string(let s): return !s.isEmpty
        case .dateTime: return nil
        case .json(.array(let a)): return !a.isEmpty
        case .json(.object(let o)): return !o.isEmpty
        case .json: return nil
        case .array(let items, _): return !items.isEmpty
        case .object(let members, _): return !members.isEmpty
        }
    }

    /// True for null, booleans, numbers and strings: the values `===` and `in` compare.
    var isScalar: Bool {
        switch storage {
        case .null, .bool, .number, .string: return true
        default: return false
        }
    }

    /// Strict equality of two scalars (different types are unequal).
    func scalarEquals(_ other: CertLogicValue) -> Bool {
        switch (storage, other.storage) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        default: return false
        }
    }

    /// Strict equality of this scalar with a JSON element (containers are never equal to a scalar).
    func scalarEquals(_ json: JSONValue) -> Bool {
        switch (storage, json) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        default: return false
        }
    }

    /// Drills one path fragment down: object member by key, array element by index.
    func member(_ fragment: CertLogicPathFragment) -> CertLogicValue {
        switch storage {
        case .json(let json):
            switch json {
            case .object(let members):
                guard let found = members[fragment.key] else { return .null }
                return CertLogicValue(found)
            case .array(let elements):
                guard let i = fragment.index, i < elements.count else { return .null }
                return CertLogicValue(elements[i])
            default: return .null
            }
        case .array(let items, _):
            guard let i = fragment.index, i < items.count else { return .null }
            return items[i]
        case .object(let members, _):
            return members[fragment.key] ?? .null
        default:
            return .null
        }
    }
}

/// One fragment of a `var` path: the key, and the array index when the fragment is a
/// non-negative decimal integer.
struct CertLogicPathFragment: Sendable, Hashable {
    let key: String
    let index: Int?

    init(_ key: String) {
        self.key = key
        if !key.isEmpty, key.utf8.count <= 18, key.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            index = Int(key)
        } else {
            index = nil
        }
    }
}
