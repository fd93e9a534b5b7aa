/// Checks a CertLogic expression statically and turns it into a ``CertLogicNode`` tree.
///
/// Every problem is collected as a ``CertLogicIssue`` pointing at the offending
/// sub-expression (one issue per offending node), so the same pass serves as the static
/// validator and as the front end of evaluation.
struct CertLogicCompiler {
    let configuration: CertLogicConfiguration
    private(set) var issues: [CertLogicIssue] = []

    init(configuration: CertLogicConfiguration) {
        self.configuration = configuration
    }

    private static let placeholder = CertLogicNode.constant(.null)

    private mutating func issue(_ expr: JSONValue, _ code: CertLogicError.Code, _ message: String) -> CertLogicNode {
        issues.append(CertLogicIssue(expr: expr, code: code, message: message))
        return Self.placeholder
    }

    /// Compiles `expr`; check ``issues`` afterwards — the tree is only meaningful when it is empty.
    mutating func compile(_ expr: JSONValue) -> CertLogicNode {
        compile(expr, depth: 1)
    }

    private mutating func compile(_ expr: JSONValue, depth: Int) -> CertLogicNode {
        if depth > configuration.maxNestingDepth {
            return issue(
                expr,
                .limitExceeded,
                "expression nests deeper than \(configuration.maxNestingDepth) levels; simplify the rule"
            )
        }
        switch expr {
        case .string(let s):
            return .constant(.string(s))
        case .bool(let b):
            return .constant(.bool(b))
        case .number(let n):
            guard n.isFinite, n.rounded(.towardZero) == n else {
                return issue(
                    expr,
                    .invalidExpression,
                    "\(JSONValue.format(number: n)) is a non-integer number; CertLogic literals are integers"
                )
            }
            return .constant(.number(n))
        case .null:
            return issue(expr, .invalidExpression, "null is not a valid CertLogic expression (null literals are not allowed)")
        case .array(let items):
            let nodes = items.map { compile($0, depth: depth + 1) }
            var constants: [CertLogicValue] = []
            constants.reserveCapacity(nodes.count)
            var depthOfConstants = 0
            for node in nodes {
                guard case .constant(let value) = node else { return .array(nodes) }
                constants.append(value)
                depthOfConstants = max(depthOfConstants, value.builtDepth)
            }
            return .constant(CertLogicValue(storage: .array(constants, depth: depthOfConstants + 1)))
        case .object(let members):
            guard members.count == 1, let (name, operands) = members.first else {
                return issue(
                    expr,
                    .invalidExpression,
                    "an operation object must have exactly one key (the operator), but it has \(members.count)"
                )
            }
            return compileOperation(expr, name: name, operands: operands, depth: depth)
        }
    }

    private mutating func compileVar(_ expr: JSONValue, _ operand: JSONValue) -> CertLogicNode {
        guard case .string(let path) = operand else {
            return issue(expr, .invalidExpression, "not of the form { \"var\": \"<path>\" }: the path must be a string")
        }
        if path.isEmpty { return .variable(path: [], text: path) }
        let fragments = path.split(separator: ".", omittingEmptySubsequences: false)
        guard !fragments.contains(where: \.isEmpty) else {
            return issue(
                expr,
                .invalidExpression,
                "data access path \"\(path)\" has an empty fragment; use dot-separated names or indices like \"payload.v.0.dn\""
            )
        }
        return .variable(path: fragments.map { CertLogicPathFragment(String($0)) }, text: path)
    }

    private mutating func arity(
        _ expr: JSONValue,
        _ name: String,
        _ count: Int,
        _ allowed: ClosedRange<Int>
    ) -> Bool {
        if allowed.contains(count) { return true }
        let expected: String
        if allowed.lowerBound == allowed.upperBound {
            expected = "exactly \(allowed.lowerBound)"
        } else if allowed.upperBound == Int.max {
            expected = "at least \(allowed.lowerBound)"
        } else {
            expected = "\(allowed.lowerBound) or \(allowed.upperBound)"
        }
        _ = issue(expr, .wrongArity, "a \"\(name)\" operation must have \(expected) operands, but it has \(count)")
        return false
    }

    private mutating func compileOperation(
        _ expr: JSONValue,
        name: String,
        operands: JSONValue,
        depth: Int
    ) -> CertLogicNode {
        if name == "var" { return compileVar(expr, operands) }
        guard case .array(let values) = operands else {
            return issue(
                expr,
                .invalidExpression,
                "operation not of the form { \"<operator>\": [ <values...> ] }: the operands of \"\(name)\" must be an array"
            )
        }
        let n = values.count
        func sub(_ i: Int) -> CertLogicNode { compile(values[i], depth: depth + 1) }
        switch name {
        case "if":
            let ok = arity(expr, name, n, 3...3)
            let nodes = (0..<min(n, 3)).map { sub($0) }
            guard ok else { return Self.placeholder }
            return .ifThenElse(nodes[0], nodes[1], nodes[2])
        case "===", "in", "+":
            let ok = arity(expr, name, n, 2...2)
            let nodes = (0..<min(n, 2)).map { sub($0) }
            guard ok else { return Self.placeholder }
            switch name {
            case "===": return .strictEquals(nodes[0], nodes[1])
            case "in": return .isIn(nodes[0], nodes[1])
            default: return .plus(nodes[0], nodes[1])
            }
        case "and":
            let ok = arity(expr, name, n, 2...Int.max)
            let nodes = values.indices.map { sub($0) }
            guard ok else { return Self.placeholder }
            return .and(nodes)
        case "<", ">", "<=", ">=", "before", "after", "not-after", "not-before":
            let ok = arity(expr, name, n, 2...3)
            let nodes = (0..<min(n, 3)).map { sub($0) }
            guard ok else { return Self.placeholder }
            switch name {
            case "before": return .compareDateTimes(.less, nodes, name: name)
            case "after": return .compareDateTimes(.greater, nodes, name: name)
            case "not-after": return .compareDateTimes(.lessOrEqual, nodes, name: name)
            case "not-before": return .compareDateTimes(.greaterOrEqual, nodes, name: name)
            default: return .compareIntegers(CertLogicNode.Ordering(rawValue: name)!, nodes)
            }
        case "!":
            guard arity(expr, name, n, 1...1) else { return Self.placeholder }
            return .not(sub(0))
        case "!!" where configuration.allowsDoubleNegation:
            guard arity(expr, name, n, 1...1) else { return Self.placeholder }
            return .doubleNot(sub(0))
        case "plusTime":
            let ok = arity(expr, name, n, 3...3)
            let operand = n > 0 ? sub(0) : Self.placeholder
            var amount: Int?
            if n > 1 {
                if case .number(let a) = values[1], a.isFinite, a.rounded(.towardZero) == a, abs(a) <= 9_007_199_254_740_992 {
                    amount = Int(a)
                } else {
                    _ = issue(
                        expr,
                        .invalidExpression,
                        "\"amount\" argument (#2) of \"plusTime\" must be an integer literal, but it is: \(values[1].serialized())"
                    )
                }
            }
            var unit: CertLogicDateTime.Unit?
            if n > 2 {
                if case .string(let u) = values[2], let parsed = CertLogicDateTime.Unit(rawValue: u) {
                    unit = parsed
                } else {
                    _ = issue(
                        expr,
                        .invalidExpression,
                        "\"unit\" argument (#3) of \"plusTime\" must be one of \"year\", \"month\", \"day\", \"hour\", but it is: \(values[2].serialized())"
                    )
                }
            }
            guard ok, let amount, let unit else { return Self.placeholder }
            // A literal date-time is computed once, here; an invalid one still fails at evaluation.
            if case .constant(let value) = operand, case .string(let text) = value.storage,
                let parsed = try? CertLogicDateTime(parsing: text), let shifted = try? parsed.adding(amount, unit)
            {
                return .constant(.dateTime(shifted))
            }
            return .plusTime(operand, amount: amount, unit: unit)
        case "reduce":
            let ok = arity(expr, name, n, 3...3)
            let nodes = (0..<min(n, 3)).map { sub($0) }
            guard ok else { return Self.placeholder }
            return .reduce(nodes[0], lambda: nodes[1], initial: nodes[2])
        case "extractFromUVCI":
            let ok = arity(expr, name, n, 2...2)
            let operand = n > 0 ? sub(0) : Self.placeholder
            var index: Int?
            if n > 1 {
                if case .number(let i) = values[1], i.isFinite, i.rounded(.towardZero) == i, abs(i) <= 1e15 {
                    index = Int(i)
                } else {
                    _ = issue(
                        expr,
                        .invalidExpression,
                        "\"index\" argument (#2) of \"extractFromUVCI\" must be an integer literal, but it is: \(values[1].serialized())"
                    )
                }
            }
            guard ok, let index else { return Self.placeholder }
            return .extractFromUVCI(operand, index: index)
        case "dccDateOfBirth":
            guard arity(expr, name, n, 1...1) else { return Self.placeholder }
            return .dccDateOfBirth(sub(0))
        default:
            var hint = ""
            if name == "!!" { hint = " (JsonLogic's \"!!\" is not CertLogic: write { \"!\": [ { \"!\": [ … ] } ] })" }
            return issue(expr, .unknownOperation, "unrecognised operator: \"\(name)\"\(hint)")
        }
    }
}
