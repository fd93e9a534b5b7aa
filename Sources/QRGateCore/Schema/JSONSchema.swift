import Foundation

/// A compiled JSON Schema (draft 2020-12, also reading draft-07 `definitions`), for the keyword
/// subset that the EU DCC schemas and value-set schemas use and a little more.
///
/// Assertions: `type`, `enum`, `const`, `required`, `properties`, `additionalProperties`,
/// `minProperties`, `maxProperties`, `items` (one schema, or draft-07 array form via
/// `prefixItems`), `prefixItems`, `minItems`, `maxItems`, `uniqueItems`, `minLength`,
/// `maxLength`, `pattern` (ECMA-262, see ``SchemaPattern``), `format` (`date`, `date-time`; see
/// ``SchemaValidationOptions``), `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`,
/// `multipleOf`, `allOf`, `anyOf`, `oneOf`, `not`, `$ref` to a JSON Pointer inside the same
/// document (`#/$defs/…`, `#/definitions/…`, or the document's `$id` followed by such a
/// fragment), and boolean schemas. Every other keyword is an annotation and is ignored.
///
/// Compile once and share: the value is immutable and `Sendable`; regexes and references are
/// resolved at compile time, so validation allocates little.
public struct JSONSchema: Sendable {
    let nodes: [SchemaNode]

    /// Compiles a schema document.
    public init(_ document: JSONValue) throws(SchemaCompilationError) {
        var compiler = SchemaCompiler(document: document)
        _ = try compiler.compile(document, pointer: "")
        self.nodes = compiler.nodes.map { SchemaNode($0 ?? SchemaNodeDraft()) }
    }

    /// Parses and compiles a schema document given as JSON text.
    public init(parsing text: String) throws(SchemaCompilationError) {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: text)
        } catch {
            throw SchemaCompilationError(
                code: .invalidKeyword, message: "the schema is not valid JSON: \(error.description)")
        }
        try self.init(document)
    }
}

/// Bit set of JSON Schema type names.
struct SchemaTypeSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let null = SchemaTypeSet(rawValue: 1)
    static let boolean = SchemaTypeSet(rawValue: 2)
    static let object = SchemaTypeSet(rawValue: 4)
    static let array = SchemaTypeSet(rawValue: 8)
    static let number = SchemaTypeSet(rawValue: 16)
    static let string = SchemaTypeSet(rawValue: 32)
    static let integer = SchemaTypeSet(rawValue: 64)

    static let names: [(String, SchemaTypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    var text: String {
        let parts = Self.names.filter { contains($0.1) }.map(\.0)
        return parts.count == 1 ? parts[0] : "one of " + parts.joined(separator: ", ")
    }
}

/// The `format` values that are checked.
enum SchemaFormat: Sendable, Hashable {
    case date
    case dateTime
}

/// A (sub)schema while it is being compiled.
struct SchemaNodeDraft: Sendable {
    /// `true` / `false` boolean schema; nil for an object schema.
    var constant: Bool?
    var types: SchemaTypeSet?
    var reference: Int?
    var enumValues: [JSONValue]?
    var constValue: JSONValue??
    var required: [String] = []
    /// Sorted by name, so violations come out in a stable order.
    var properties: [(name: String, node: Int)] = []
    var propertyNames: Set<String> = []
    var additionalProperties: Int?
    var minProperties: Int?
    var maxProperties: Int?
    var prefixItems: [Int] = []
    var items: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaPattern?
    var format: SchemaFormat?
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var multipleOf: Double?
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
}

/// One compiled (sub)schema, immutable and shared by reference (visiting a node costs one
/// retain, not one per keyword). Child schemas are indices into ``JSONSchema/nodes``.
final class SchemaNode: Sendable {
    let constant: Bool?
    let types: SchemaTypeSet?
    let reference: Int?
    let enumValues: [JSONValue]?
    let constValue: JSONValue??
    let required: [String]
    let properties: [(name: String, node: Int)]
    let propertyNames: Set<String>
    let additionalProperties: Int?
    let minProperties: Int?
    let maxProperties: Int?
    let prefixItems: [Int]
    let items: Int?
    let minItems: Int?
    let maxItems: Int?
    let minLength: Int?
    let maxLength: Int?
    let pattern: SchemaPattern?
    let format: SchemaFormat?
    let minimum: Double?
    let maximum: Double?
    let exclusiveMinimum: Double?
    let exclusiveMaximum: Double?
    let multipleOf: Double?
    let allOf: [Int]
    let anyOf: [Int]
    let oneOf: [Int]
    let not: Int?
    let uniqueItems: Bool

    init(_ draft: SchemaNodeDraft) {
        constant = draft.constant
        types = draft.types
        reference = draft.reference
        enumValues = draft.enumValues
        constValue = draft.constValue
        required = draft.required
        properties = draft.properties
        propertyNames = draft.propertyNames
        additionalProperties = draft.additionalProperties
        minProperties = draft.minProperties
        maxProperties = draft.maxProperties
        prefixItems = draft.prefixItems
        items = draft.items
        minItems = draft.minItems
        maxItems = draft.maxItems
        minLength = draft.minLength
        maxLength = draft.maxLength
        pattern = draft.pattern
        format = draft.format
        minimum = draft.minimum
        maximum = draft.maximum
        exclusiveMinimum = draft.exclusiveMinimum
        exclusiveMaximum = draft.exclusiveMaximum
        multipleOf = draft.multipleOf
        allOf = draft.allOf
        anyOf = draft.anyOf
        oneOf = draft.oneOf
        not = draft.not
        uniqueItems = draft.uniqueItems
    }
}

private struct SchemaCompiler {
    let document: JSONValue
    let baseID: String?
    var nodes: [SchemaNodeDraft?] = []
    var indexByPointer: [String: Int] = [:]

    init(document: JSONValue) {
        self.document = document
        self.baseID = document["$id"]?.stringValue
    }

    func fail(_ pointer: String, _ reason: String) -> SchemaCompilationError {
        SchemaCompilationError(
            code: .invalidKeyword, message: "schema at \"#\(pointer)\": \(reason); fix the schema document")
    }

    mutating func compile(_ schema: JSONValue, pointer: String) throws(SchemaCompilationError) -> Int {
        if let existing = indexByPointer[pointer] { return existing }
        let index = nodes.count
        nodes.append(nil)
        indexByPointer[pointer] = index
        var node = SchemaNodeDraft()
        switch schema {
        case .bool(let b):
            node.constant = b
        case .object(let keywords):
            try fill(&node, from: keywords, pointer: pointer)
        default:
            throw fail(pointer, "a schema must be an object or a boolean")
        }
        nodes[index] = node
        return index
    }

    mutating func fill(
        _ node: inout SchemaNodeDraft, from k: [String: JSONValue], pointer: String
    ) throws(SchemaCompilationError) {
        func child(_ key: String) -> String { pointer + "/" + Self.escape(key) }

        if let ref = k["$ref"] {
            guard let text = ref.stringValue else { throw fail(pointer, "$ref must be a string") }
            node.reference = try resolve(text, from: pointer)
        }
        if let type = k["type"] {
            var set: SchemaTypeSet = []
            let names: [JSONValue] = type.arrayValue ?? [type]
            for name in names {
                guard let s = name.stringValue, let t = SchemaTypeSet.names.first(where: { $0.0 == s }) else {
                    throw fail(pointer, "type must name JSON types")
                }
                set.insert(t.1)
            }
            node.types = set
        }
        if let values = k["enum"] {
            guard let array = values.arrayValue else { throw fail(pointer, "enum must be an array") }
            node.enumValues = array
        }
        if let value = k["const"] { node.constValue = .some(value) }
        if let required = k["required"] {
            guard let names = required.arrayValue?.compactMap(\.stringValue),
                names.count == required.arrayValue?.count
            else { throw fail(pointer, "required must be an array of strings") }
            node.required = names
        }
        if let properties = k["properties"] {
            guard let members = properties.objectValue else { throw fail(pointer, "properties must be an object") }
            for name in members.keys.sorted() {
                let index = try compile(members[name]!, pointer: child("properties") + "/" + Self.escape(name))
                node.properties.append((name, index))
            }
            node.propertyNames = Set(members.keys)
        }
        if let additional = k["additionalProperties"] {
            node.additionalProperties = try compile(additional, pointer: child("additionalProperties"))
        }
        node.minProperties = try count(k, "minProperties", pointer)
        node.maxProperties = try count(k, "maxProperties", pointer)
        if let prefix = k["prefixItems"] {
            guard let list = prefix.arrayValue else { throw fail(pointer, "prefixItems must be an array") }
            for (i, item) in list.enumerated() {
                node.prefixItems.append(try compile(item, pointer: child("prefixItems") + "/\(i)"))
            }
        }
        if let items = k["items"] {
            if let list = items.arrayValue {
                // Draft-07 tuple form: same meaning as 2020-12 prefixItems.
                for (i, item) in list.enumerated() {
                    node.prefixItems.append(try compile(item, pointer: child("items") + "/\(i)"))
                }
                if let extra = k["additionalItems"] {
                    node.items = try compile(extra, pointer: child("additionalItems"))
                }
            } else {
                node.items = try compile(items, pointer: child("items"))
            }
        }
        node.minItems = try count(k, "minItems", pointer)
        node.maxItems = try count(k, "maxItems", pointer)
        node.uniqueItems = k["uniqueItems"]?.boolValue ?? false
        node.minLength = try count(k, "minLength", pointer)
        node.maxLength = try count(k, "maxLength", pointer)
        if let pattern = k["pattern"] {
            guard let text = pattern.stringValue else { throw fail(pointer, "pattern must be a string") }
            node.pattern = try SchemaPattern(text)
        }
        switch k["format"]?.stringValue {
        case "date": node.format = .date
        case "date-time": node.format = .dateTime
        default: break
        }
        node.minimum = try number(k, "minimum", pointer)
        node.maximum = try number(k, "maximum", pointer)
        // Draft-04 boolean forms of exclusiveMinimum/exclusiveMaximum turn the bound exclusive.
        if k["exclusiveMinimum"]?.boolValue == true {
            node.exclusiveMinimum = node.minimum
            node.minimum = nil
        } else {
            node.exclusiveMinimum = try number(k, "exclusiveMinimum", pointer)
        }
        if k["exclusiveMaximum"]?.boolValue == true {
            node.exclusiveMaximum = node.maximum
            node.maximum = nil
        } else {
            node.exclusiveMaximum = try number(k, "exclusiveMaximum", pointer)
        }
        node.multipleOf = try number(k, "multipleOf", pointer)
        if let m = node.multipleOf, !(m > 0) { throw fail(pointer, "multipleOf must be greater than 0") }
        node.allOf = try list(k, "allOf", pointer)
        node.anyOf = try list(k, "anyOf", pointer)
        node.oneOf = try list(k, "oneOf", pointer)
        if let not = k["not"] { node.not = try compile(not, pointer: child("not")) }
    }

    func count(_ k: [String: JSONValue], _ key: String, _ pointer: String) throws(SchemaCompilationError) -> Int? {
        guard let value = k[key] else { return nil }
        guard let n = value.numberValue, n >= 0, n == n.rounded(), n < 1e15 else {
            throw fail(pointer, "\(key) must be a non-negative integer")
        }
        return Int(n)
    }

    func number(_ k: [String: JSONValue], _ key: String, _ pointer: String) throws(SchemaCompilationError) -> Double? {
        guard let value = k[key] else { return nil }
        guard let n = value.numberValue else { throw fail(pointer, "\(key) must be a number") }
        return n
    }

    mutating func list(
        _ k: [String: JSONValue], _ key: String, _ pointer: String
    ) throws(SchemaCompilationError) -> [Int] {
        guard let value = k[key] else { return [] }
        guard let schemas = value.arrayValue, !schemas.isEmpty else {
            throw fail(pointer, "\(key) must be a non-empty array of schemas")
        }
        var result: [Int] = []
        for (i, schema) in schemas.enumerated() {
            result.append(try compile(schema, pointer: pointer + "/" + key + "/\(i)"))
        }
        return result
    }

    mutating func resolve(_ reference: String, from pointer: String) throws(SchemaCompilationError) -> Int {
        var fragment: Substring
        if reference.hasPrefix("#") {
            fragment = reference.dropFirst()
        } else if let base = baseID, reference.hasPrefix(base + "#") {
            fragment = reference.dropFirst(base.count + 1)
        } else if let base = baseID, reference == base {
            fragment = ""
        } else {
            throw SchemaCompilationError(
                code: .unresolvableReference,
                message: "$ref \"\(reference)\" at \"#\(pointer)\" leaves the document; "
                    + "only references inside the same schema (\"#/$defs/…\") are supported")
        }
        fragment = Substring(fragment.removingPercentEncodingIfPossible())
        var target = document
        if !fragment.isEmpty {
            guard fragment.hasPrefix("/") else {
                throw SchemaCompilationError(
                    code: .unresolvableReference,
                    message: "$ref \"\(reference)\" uses an anchor name; use a JSON Pointer such as \"#/$defs/name\"")
            }
            for token in fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                if let member = target[key] {
                    target = member
                } else if let array = target.arrayValue, let i = Int(key), array.indices.contains(i) {
                    target = array[i]
                } else {
                    throw SchemaCompilationError(
                        code: .unresolvableReference,
                        message:
                            "$ref \"\(reference)\" at \"#\(pointer)\" points at nothing; check the name under $defs")
                }
            }
        }
        return try compile(target, pointer: String(fragment))
    }

    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

extension Substring {
    fileprivate func removingPercentEncodingIfPossible() -> String {
        guard contains("%") else { return String(self) }
        return String(self).removingPercentEncoding ?? String(self)
    }
}
