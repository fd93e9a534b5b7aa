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
            return compileArray(items, depth)
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

    @inline(never)
    private mutating func compileArray(_ items: [JSONValue], _ depth: Int) -> CertLogicNode {
        var nodes: [CertLogicNode] = []
        nodes.reserveCapacity(items.count)
        var allConstant = true
        for item in items {
            let node = compile(item, depth: depth + 1)
            if case .constant = node {} else { allConstant = false }
            nodes.append(node)
        }
        guard allConstant else { return .array(nodes) }
        var constants: [CertLogicValue] = []
        constants.reserveCapacity(nodes.count)
        var depthOfConstants = 0
        for case .constant(let value) in nodes {
            constants.append(value)
            depthOfConstants = max(depthOfConstants, value.builtDepth)
        }
        return .constant(CertLogicValue(storage: .array(constants, depth: depthOfConstants + 1)))
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

    @inline(never)
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
        switch name {
        case "plusTime": return compilePlusTime(expr, values, depth)
        case "extractFromUVCI": return compileExtractFromUVCI(expr, values, depth)
        case "!!" where !configuration.allowsDoubleNegation: break
        case "if", "===", "in", "+", "and", "<", ">", "<=", ">=", "before", "after", "not-after", "not-before", "!", "!!",
            "reduce", "dccDateOfBirth":
            return compileOperands(expr, name, values, depth)
        default: break
        }
        var hint = ""
        if name == "!!" { hint = " (JsonLogic's \"!!\" is not CertLogic: write { \"!\": [ { \"!\": [ … ] } ] })" }
        return issue(expr, .unknownOperation, "unrecognised operator: \"\(name)\"\(hint)")
    }

    /// Operations whose operands are all expressions. Kept apart from the recursive entry
    /// point (and not inlined) so that deep expressions need little stack, in debug builds too.
    @inline(never)
    private mutating func compileOperands(
        _ expr: JSONValue,
        _ name: String,
        _ values: [JSONValue],
        _ depth: Int
    ) -> CertLogicNode {
        let allowed: ClosedRange<Int>
        var compileWhenArityIsWrong = true
        switch name {
        case "if", "reduce": allowed = 3...3
        case "===", "in", "+": allowed = 2...2
        case "and": allowed = 2...Int.max
        case "!", "!!", "dccDateOfBirth":
            allowed = 1...1
            compileWhenArityIsWrong = false
        default: allowed = 2...3  // the comparisons
        }
        let ok = arity(expr, name, values.count, allowed)
        guard ok || compileWhenArityIsWrong else { return Self.placeholder }
        var nodes: [CertLogicNode] = []
        nodes.reserveCapacity(min(values.count, allowed.upperBound))
        for value in values.prefix(allowed.upperBound) {
            nodes.append(compile(value, depth: depth + 1))
        }
        guard ok else { return Self.placeholder }
        switch name {
        case "if": return .ifThenElse(nodes[0], nodes[1], nodes[2])
        case "reduce": return .reduce(nodes[0], lambda: nodes[1], initial: nodes[2])
        case "===": return .strictEquals(nodes[0], nodes[1])
        case "in": return .isIn(nodes[0], nodes[1])
        case "+": return .plus(nodes[0], nodes[1])
        case "and": return .and(nodes)
        case "!": return .not(nodes[0])
        case "!!": return .doubleNot(nodes[0])
        case "dccDateOfBirth": return .dccDateOfBirth(nodes[0])
        case "before": return .compareDateTimes(.less, nodes, name: name)
        case "after": return .compareDateTimes(.greater, nodes, name: name)
        case "not-after": return .compareDateTimes(.lessOrEqual, nodes, name: name)
        case "not-before": return .compareDateTimes(.greaterOrEqual, nodes, name: name)
        default: return .compareIntegers(CertLogicNode.Ordering(rawValue: name) ?? .less, nodes)
        }
    }

    @inline(never)
    private mutating func compilePlusTime(_ expr: JSONValue, _ values: [JSONValue], _ depth: Int) -> CertLogicNode {
        let n = values.count
        let ok = arity(expr, "plusTime", n, 3...3)
        let operand = n > 0 ? compile(values[0], depth: depth + 1) : Self.placeholder
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
    }

    @inline(never)
    private mutating func compileExtractFromUVCI(_ expr: JSONValue, _ values: [JSONValue], _ depth: Int) -> CertLogicNode {
        let n = values.count
        let ok = arity(expr, "extractFromUVCI", n, 2...2)
        let operand = n > 0 ? compile(values[0], depth: depth + 1) : Self.placeholder
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
    }
}
