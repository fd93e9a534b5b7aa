/// How a validation treats `format` and how much it reports.
public struct SchemaValidationOptions: Sendable, Hashable {
    /// How `format` (`date`, `date-time`) is treated.
    public enum FormatAssertion: Sendable, Hashable {
        /// Draft 2020-12's default: `format` is an annotation and never fails a value.
        case annotationOnly
        /// Default. Checks formats, accepting what real DCCs carry: a `date` may be followed by
        /// a time (`2021-05-29T22:00:00+02:00`, `2022-01-01T00:00:00.000Z`) as long as the
        /// date part is a real calendar date, and a `date-time` may lack its UTC offset or write it `+0200` or `+02`.
        case lenient
        /// RFC 3339: `date` is exactly `full-date`, `date-time` needs an offset.
        case strict
    }

    /// How `format` is treated; default ``FormatAssertion/lenient``.
    public var formatAssertion: FormatAssertion
    /// Stop after this many violations (default 100), so hostile input cannot make a huge report.
    public var maxViolations: Int

    /// Creates options.
    public init(formatAssertion: FormatAssertion = .lenient, maxViolations: Int = 100) {
        self.formatAssertion = formatAssertion
        self.maxViolations = maxViolations
    }
}

extension JSONSchema {
    /// Validates `value`; returns every violation found (empty when valid), in a stable order.
    public func validate(_ value: JSONValue, options: SchemaValidationOptions = .init()) -> [SchemaViolation] {
        var run = SchemaValidationRun(nodes: nodes, options: options)
        _ = run.check(0, value, collect: true)
        return run.violations
    }

    /// True when `value` satisfies the schema (stops at the first violation).
    public func isValid(_ value: JSONValue, options: SchemaValidationOptions = .init()) -> Bool {
        var run = SchemaValidationRun(nodes: nodes, options: options)
        return run.check(0, value, collect: false)
    }
}

private enum PathComponent {
    case key(String)
    case index(Int)
}

private struct SchemaValidationRun {
    let nodes: [SchemaNode]
    let options: SchemaValidationOptions
    var path: [PathComponent] = []
    var violations: [SchemaViolation] = []
    var depth = 0

    init(nodes: [SchemaNode], options: SchemaValidationOptions) {
        self.nodes = nodes
        self.options = options
        path.reserveCapacity(8)
    }

    var pointer: String {
        var text = ""
        for component in path {
            text += "/"
            switch component {
            case .key(let k):
                text +=
                    k.contains("~") || k.contains("/")
                    ? k.replacingTilde() : k
            case .index(let i): text += String(i)
            }
        }
        return text
    }

    mutating func report(_ message: @autoclosure () -> String, collect: Bool) {
        guard collect, violations.count < options.maxViolations else { return }
        violations.append(SchemaViolation(path: pointer, message: message()))
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let n): return n == n.rounded() && n.isFinite ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    static func matches(_ value: JSONValue, _ types: SchemaTypeSet) -> Bool {
        switch value {
        case .null: return types.contains(.null)
        case .bool: return types.contains(.boolean)
        case .number(let n):
            return types.contains(.number) || (types.contains(.integer) && n.isFinite && n == n.rounded())
        case .string: return types.contains(.string)
        case .array: return types.contains(.array)
        case .object: return types.contains(.object)
        }
    }

    /// Checks `value` against node `index`. With `collect` false it stops at the first failure
    /// and records nothing.
    mutating func check(_ index: Int, _ value: JSONValue, collect: Bool) -> Bool {
        let node = nodes[index]
        if let constant = node.constant {
            if !constant { report("no value is allowed here", collect: collect) }
            return constant
        }
        depth += 1
        defer { depth -= 1 }
        if depth > 64 {
            report("the schema nests deeper than 64 levels here (recursive $ref?)", collect: collect)
            return false
        }
        var valid = true

        if let ref = node.reference {
            valid = check(ref, value, collect: collect) && valid
            if !valid && !collect { return false }
        }
        if let types = node.types, !Self.matches(value, types) {
            report("expected \(types.text), found \(Self.typeName(value))", collect: collect)
            // Further keywords of this node only restate the type problem.
            return false
        }
        if let values = node.enumValues, !values.contains(value) {
            report("not one of the \(values.count) allowed values", collect: collect)
            if !collect { return false }
            valid = false
        }
        if let expected = node.constValue, value != expected {
            report("must equal the constant given by the schema", collect: collect)
            if !collect { return false }
            valid = false
        }

        switch value {
        case .object(let members):
            valid = checkObject(node, members, collect: collect) && valid
        case .array(let elements):
            valid = checkArray(node, elements, collect: collect) && valid
        case .string(let text):
            valid = checkString(node, text, collect: collect) && valid
        case .number(let n):
            valid = checkNumber(node, n, collect: collect) && valid
        default:
            break
        }
        if !valid && !collect { return false }

        for sub in node.allOf {
            valid = check(sub, value, collect: collect) && valid
            if !valid && !collect { return false }
        }
        if !node.anyOf.isEmpty {
            var any = false
            for sub in node.anyOf where check(sub, value, collect: false) {
                any = true
                break
            }
            if !any {
                if collect {
                    let detail = alternativesDetail(node.anyOf, value)
                    report("matches none of the \(node.anyOf.count) anyOf alternatives (\(detail))", collect: true)
                }
                valid = false
                if !collect { return false }
            }
        }
        if !node.oneOf.isEmpty {
            var matched: [Int] = []
            for (i, sub) in node.oneOf.enumerated() where check(sub, value, collect: false) {
                matched.append(i + 1)
            }
            if matched.count != 1 {
                if collect {
                    if matched.isEmpty {
                        let detail = alternativesDetail(node.oneOf, value)
                        report("matches none of the \(node.oneOf.count) oneOf alternatives (\(detail))", collect: true)
                    } else {
                        let list = matched.map(String.init).joined(separator: ", ")
                        report(
                            "matches \(matched.count) oneOf alternatives (\(list)) but must match exactly one",
                            collect: true)
                    }
                }
                valid = false
                if !collect { return false }
            }
        }
        if let not = node.not, check(not, value, collect: false) {
            report("matches a schema it must not match (not)", collect: collect)
            valid = false
        }
        return valid
    }

    /// "1: <first violation>; 2: <first violation>" for failed alternatives, paths relative.
    mutating func alternativesDetail(_ alternatives: [Int], _ value: JSONValue) -> String {
        var parts: [String] = []
        for (i, sub) in alternatives.enumerated() {
            var inner = SchemaValidationRun(nodes: nodes, options: options)
            inner.depth = depth
            _ = inner.check(sub, value, collect: true)
            let text = inner.violations.prefix(3).map { v in
                v.path.isEmpty ? v.message : "\(v.path): \(v.message)"
            }.joined(separator: ", ")
            parts.append("\(i + 1): \(text)")
        }
        return parts.joined(separator: "; ")
    }

    mutating func checkObject(_ node: SchemaNode, _ members: [String: JSONValue], collect: Bool) -> Bool {
        var valid = true
        for name in node.required where members[name] == nil {
            report("missing required property \"\(name)\"", collect: collect)
            if !collect { return false }
            valid = false
        }
        if let lower = node.minProperties, members.count < lower {
            report("has \(members.count) properties, at least \(lower) required", collect: collect)
            if !collect { return false }
            valid = false
        }
        if let upper = node.maxProperties, members.count > upper {
            report("has \(members.count) properties, at most \(upper) allowed", collect: collect)
            if !collect { return false }
            valid = false
        }
        for (name, sub) in node.properties {
            guard let member = members[name] else { continue }
            path.append(.key(name))
            valid = check(sub, member, collect: collect) && valid
            path.removeLast()
            if !valid && !collect { return false }
        }
        if let additional = node.additionalProperties {
            for name in members.keys.sorted() where !node.propertyNames.contains(name) {
                path.append(.key(name))
                if nodes[additional].constant == false {
                    report("property \"\(name)\" is not allowed here", collect: collect)
                    valid = false
                } else {
                    valid = check(additional, members[name]!, collect: collect) && valid
                }
                path.removeLast()
                if !valid && !collect { return false }
            }
        }
        return valid
    }

    mutating func checkArray(_ node: SchemaNode, _ elements: [JSONValue], collect: Bool) -> Bool {
        var valid = true
        if let lower = node.minItems, elements.count < lower {
            report("has \(elements.count) items, at least \(lower) required", collect: collect)
            if !collect { return false }
            valid = false
        }
        if let upper = node.maxItems, elements.count > upper {
            report("has \(elements.count) items, at most \(upper) allowed", collect: collect)
            if !collect { return false }
            valid = false
        }
        if node.uniqueItems, Set(elements).count != elements.count {
            report("items must be unique", collect: collect)
            if !collect { return false }
            valid = false
        }
        for (i, element) in elements.enumerated() {
            let sub: Int?
            if i < node.prefixItems.count {
                sub = node.prefixItems[i]
            } else {
                sub = node.items
            }
            guard let sub else { continue }
            path.append(.index(i))
            valid = check(sub, element, collect: collect) && valid
            path.removeLast()
            if !valid && !collect { return false }
        }
        return valid
    }

    mutating func checkString(_ node: SchemaNode, _ text: String, collect: Bool) -> Bool {
        var valid = true
        if node.minLength != nil || node.maxLength != nil {
            let length = text.unicodeScalars.count
            if let lower = node.minLength, length < lower {
                report("is \(length) characters long, at least \(lower) required", collect: collect)
                if !collect { return false }
                valid = false
            }
            if let upper = node.maxLength, length > upper {
                report("is \(length) characters long, at most \(upper) allowed", collect: collect)
                if !collect { return false }
                valid = false
            }
        }
        if let pattern = node.pattern, !pattern.matches(text) {
            report("does not match the pattern \(pattern.source)", collect: collect)
            if !collect { return false }
            valid = false
        }
        if let format = node.format, options.formatAssertion != .annotationOnly {
            let strict = options.formatAssertion == .strict
            let ok: Bool
            let expectation: String
            switch format {
            case .date:
                ok = SchemaFormatCheck.isDate(text, strict: strict)
                expectation = strict ? "a date YYYY-MM-DD" : "a date YYYY-MM-DD (optionally followed by a time)"
            case .dateTime:
                ok = SchemaFormatCheck.isDateTime(text, strict: strict)
                expectation = "an RFC 3339 date-time such as 2021-05-29T22:00:00Z"
            }
            if !ok {
                report("is not \(expectation)", collect: collect)
                valid = false
            }
        }
        return valid
    }

    mutating func checkNumber(_ node: SchemaNode, _ n: Double, collect: Bool) -> Bool {
        var valid = true
        func fail(_ message: String) {
            report(message, collect: collect)
            valid = false
        }
        if let bound = node.minimum, !(n >= bound) { fail("must be at least \(JSONValue.format(number: bound))") }
        if let bound = node.maximum, !(n <= bound) { fail("must be at most \(JSONValue.format(number: bound))") }
        if let bound = node.exclusiveMinimum, !(n > bound) {
            fail("must be greater than \(JSONValue.format(number: bound))")
        }
        if let bound = node.exclusiveMaximum, !(n < bound) {
            fail("must be less than \(JSONValue.format(number: bound))")
        }
        if let m = node.multipleOf {
            let q = n / m
            if !(q.isFinite && q == q.rounded()) { fail("must be a multiple of \(JSONValue.format(number: m))") }
        }
        return valid
    }
}

extension String {
    fileprivate func replacingTilde() -> String {
        var out = ""
        for c in self {
            switch c {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.append(c)
            }
        }
        return out
    }
}
