/// Walks a compiled ``CertLogicNode`` tree against a data context, strictly: every type
/// mismatch is an error, and a step budget bounds the work of one evaluation.
struct CertLogicEvaluator {
    /// What `var` reads: the caller's data, or the context a `reduce` lambda sees.
    enum Context {
        case data(JSONValue)
        case lambda(current: CertLogicValue, accumulator: CertLogicValue)
    }

    let configuration: CertLogicConfiguration
    private var stepsLeft: Int

    init(configuration: CertLogicConfiguration) {
        self.configuration = configuration
        self.stepsLeft = configuration.maxEvaluationSteps
    }

    /// Spends `count` steps of the budget.
    @inline(__always)
    private mutating func spend(_ count: Int = 1) throws(CertLogicError) {
        stepsLeft -= count
        if stepsLeft < 0 {
            throw CertLogicError(
                .limitExceeded,
                "evaluation took more than \(configuration.maxEvaluationSteps) steps; the rule or its data is too large"
            )
        }
    }

    /// Cost of scanning a string: one step per 16 bytes.
    private static func cost(of s: String) -> Int { s.utf8.count >> 4 }

    /// Evaluates `node`. Each operation lives in its own non-inlined method, so that the
    /// frame of this recursive dispatcher stays small and deep (but accepted) expressions
    /// fit a small thread stack, in debug builds too.
    mutating func evaluate(_ node: CertLogicNode, _ context: Context) throws(CertLogicError) -> CertLogicValue {
        try spend()
        switch node {
        case .constant(let value): return value
        case .array(let items): return try evaluateArray(items, context)
        case .variable(let path, _): return try access(path, context)
        case .ifThenElse(let guardNode, let thenNode, let elseNode):
            return try evaluateIf(guardNode, thenNode, elseNode, context)
        case .strictEquals(let lhs, let rhs): return try evaluateStrictEquals(lhs, rhs, context)
        case .and(let operands): return try evaluateAnd(operands, context)
        case .compareIntegers(let ordering, let operands): return try compareIntegers(ordering, operands, context)
        case .compareDateTimes(let ordering, let operands, let name):
            return try compareDateTimes(ordering, operands, name, context)
        case .isIn(let needle, let haystack): return try evaluateIn(needle, haystack, context)
        case .plus(let lhs, let rhs): return try evaluatePlus(lhs, rhs, context)
        case .not(let operand): return try evaluateNot(operand, negate: true, context)
        case .doubleNot(let operand): return try evaluateNot(operand, negate: false, context)
        case .plusTime(let operand, let amount, let unit): return try evaluatePlusTime(operand, amount, unit, context)
        case .reduce(let operand, let lambda, let initial): return try evaluateReduce(operand, lambda, initial, context)
        case .extractFromUVCI(let operand, let index): return try evaluateExtractFromUVCI(operand, index, context)
        case .dccDateOfBirth(let operand): return try evaluateDccDateOfBirth(operand, context)
        }
    }

    @inline(never)
    private mutating func evaluateArray(
        _ items: [CertLogicNode],
        _ context: Context
    ) throws(CertLogicError)
        -> CertLogicValue
    {
        var values: [CertLogicValue] = []
        values.reserveCapacity(items.count)
        var depth = 0
        for item in items {
            let value = try evaluate(item, context)
            depth = max(depth, value.builtDepth)
            values.append(value)
        }
        guard depth < configuration.maxBuiltValueDepth else {
            throw CertLogicError(
                .limitExceeded,
                "evaluation built arrays nested deeper than \(configuration.maxBuiltValueDepth) levels"
            )
        }
        return CertLogicValue(storage: .array(values, depth: depth + 1))
    }

    @inline(never)
    private mutating func evaluateIf(
        _ guardNode: CertLogicNode,
        _ thenNode: CertLogicNode,
        _ elseNode: CertLogicNode,
        _ context: Context
    ) throws(CertLogicError) -> CertLogicValue {
        let guardValue = try evaluate(guardNode, context)
        guard let truth = guardValue.boolsiness else {
            throw Self.neither("the guard of an \"if\"", guardValue)
        }
        return try evaluate(truth ? thenNode : elseNode, context)
    }

    @inline(never)
    private mutating func evaluateStrictEquals(
        _ lhsNode: CertLogicNode,
        _ rhsNode: CertLogicNode,
        _ context: Context
    )
        throws(CertLogicError) -> CertLogicValue
    {
        let lhs = try evaluate(lhsNode, context)
        let rhs = try evaluate(rhsNode, context)
        if lhs.isScalar, rhs.isScalar {
            if case .string(let s) = lhs.storage { try spend(Self.cost(of: s)) }
            return .bool(lhs.scalarEquals(rhs))
        }
        if lhs.isScalar || rhs.isScalar { return .false }  // a container or date-time never equals a scalar
        throw CertLogicError(
            .typeMismatch,
            "\"===\" compares strings, integers, booleans and null, but got \(lhs.typeName) and \(rhs.typeName); compare date-times with \"not-before\"/\"not-after\""
        )
    }

    @inline(never)
    private mutating func evaluateAnd(
        _ operands: [CertLogicNode],
        _ context: Context
    ) throws(CertLogicError)
        -> CertLogicValue
    {
        var result = CertLogicValue.true
        for operand in operands {
            result = try evaluate(operand, context)
            guard let truth = result.boolsiness else { throw Self.neither("an operand of \"and\"", result) }
            if !truth { return result }
        }
        return result
    }

    @inline(never)
    private mutating func compareIntegers(
        _ ordering: CertLogicNode.Ordering,
        _ operandNodes: [CertLogicNode],
        _ context: Context
    ) throws(CertLogicError) -> CertLogicValue {
        var values: [Double] = []
        values.reserveCapacity(3)
        for operandNode in operandNodes {
            let value = try evaluate(operandNode, context)
            guard let n = value.integerValue else {
                throw CertLogicError(
                    .typeMismatch,
                    "all operands of \"\(ordering.rawValue)\" must be integers, but one is \(value.typeName)"
                )
            }
            values.append(n)
        }
        return .bool(Self.holds(ordering, values))
    }

    @inline(never)
    private mutating func compareDateTimes(
        _ ordering: CertLogicNode.Ordering,
        _ operandNodes: [CertLogicNode],
        _ name: String,
        _ context: Context
    ) throws(CertLogicError) -> CertLogicValue {
        var values: [CertLogicDateTime] = []
        values.reserveCapacity(3)
        for operandNode in operandNodes {
            let value = try evaluate(operandNode, context)
            guard let d = value.dateTimeValue else {
                throw CertLogicError(
                    .typeMismatch,
                    "all operands of \"\(name)\" must be date-times (made with plusTime or dccDateOfBirth), but one is \(value.typeName)"
                )
            }
            values.append(d)
        }
        return .bool(Self.holds(ordering, values))
    }

    @inline(never)
    private mutating func evaluateIn(
        _ needleNode: CertLogicNode,
        _ haystackNode: CertLogicNode,
        _ context: Context
    )
        throws(CertLogicError) -> CertLogicValue
    {
        let needle = try evaluate(needleNode, context)
        let haystack = try evaluate(haystackNode, context)
        guard needle.isScalar else {
            throw CertLogicError(
                .typeMismatch,
                "the left-hand side of \"in\" must be a string, integer, boolean or null, but it is \(needle.typeName)"
            )
        }
        switch haystack.storage {
        case .json(.array(let elements)):
            try spend(elements.count)
            return .bool(elements.contains { needle.scalarEquals($0) })
        case .array(let items, _):
            try spend(items.count)
            return .bool(items.contains { needle.scalarEquals($0) })
        default:
            throw CertLogicError(
                .typeMismatch,
                "the right-hand side of \"in\" must be an array, but it is \(haystack.typeName); check it with e.g. { \"var\": \"…\" } first"
            )
        }
    }

    @inline(never)
    private mutating func evaluatePlus(
        _ lhsNode: CertLogicNode,
        _ rhsNode: CertLogicNode,
        _ context: Context
    )
        throws(CertLogicError) -> CertLogicValue
    {
        let lhs = try evaluate(lhsNode, context)
        let rhs = try evaluate(rhsNode, context)
        guard let l = lhs.integerValue, let r = rhs.integerValue else {
            throw CertLogicError(
                .typeMismatch,
                "operands of \"+\" must both be integers, but they are \(lhs.typeName) and \(rhs.typeName)"
            )
        }
        return .number(l + r)
    }

    @inline(never)
    private mutating func evaluateNot(
        _ operandNode: CertLogicNode,
        negate: Bool,
        _ context: Context
    )
        throws(CertLogicError) -> CertLogicValue
    {
        let operand = try evaluate(operandNode, context)
        guard let truth = operand.boolsiness else {
            throw Self.neither(negate ? "the operand of \"!\"" : "the operand of \"!!\"", operand)
        }
        return .bool(negate ? !truth : truth)
    }

    @inline(never)
    private mutating func evaluatePlusTime(
        _ operandNode: CertLogicNode,
        _ amount: Int,
        _ unit: CertLogicDateTime.Unit,
        _ context: Context
    ) throws(CertLogicError) -> CertLogicValue {
        let operand = try evaluate(operandNode, context)
        guard case .string(let text) = operand.storage else {
            throw CertLogicError(
                .typeMismatch,
                "the date argument (#1) of \"plusTime\" must be a string with a date or date-time, but it is \(operand.typeName)"
            )
        }
        try spend(Self.cost(of: text))
        return .dateTime(try CertLogicDateTime(parsing: text).adding(amount, unit))
    }

    @inline(never)
    private mutating func evaluateReduce(
        _ operandNode: CertLogicNode,
        _ lambda: CertLogicNode,
        _ initialNode: CertLogicNode,
        _ context: Context
    ) throws(CertLogicError) -> CertLogicValue {
        let operand = try evaluate(operandNode, context)
        var accumulator = try evaluate(initialNode, context)
        switch operand.storage {
        case .null:
            return accumulator
        case .json(.array(let elements)):
            for element in elements {
                accumulator = try evaluate(lambda, .lambda(current: CertLogicValue(element), accumulator: accumulator))
            }
            return accumulator
        case .array(let items, _):
            for item in items {
                accumulator = try evaluate(lambda, .lambda(current: item, accumulator: accumulator))
            }
            return accumulator
        default:
            throw CertLogicError(
                .typeMismatch,
                "the operand (#1) of \"reduce\" must be an array or null, but it is \(operand.typeName)"
            )
        }
    }

    @inline(never)
    private mutating func evaluateExtractFromUVCI(
        _ operandNode: CertLogicNode,
        _ index: Int,
        _ context: Context
    )
        throws(CertLogicError) -> CertLogicValue
    {
        let operand = try evaluate(operandNode, context)
        switch operand.storage {
        case .null:
            return .null
        case .string(let uci):
            try spend(Self.cost(of: uci))
            return Self.extract(from: uci, index: index).map(CertLogicValue.string) ?? .null
        default:
            throw CertLogicError(
                .typeMismatch,
                "the UCI argument (#1) of \"extractFromUVCI\" must be a string or null, but it is \(operand.typeName)"
            )
        }
    }

    @inline(never)
    private mutating func evaluateDccDateOfBirth(
        _ operandNode: CertLogicNode,
        _ context: Context
    )
        throws(CertLogicError) -> CertLogicValue
    {
        let operand = try evaluate(operandNode, context)
        guard case .string(let text) = operand.storage else {
            throw CertLogicError(
                .typeMismatch,
                "the operand of \"dccDateOfBirth\" must be a string, but it is \(operand.typeName)"
            )
        }
        return .dateTime(try CertLogicDateTime(dccDateOfBirth: text))
    }

    // MARK: Helpers
    //
    // Messages name types and operators, never data values: data is personal (names, birth dates).

    private static func holds<T: Comparable>(_ ordering: CertLogicNode.Ordering, _ values: [T]) -> Bool {
        if values.count == 2 { return ordering.holds(values[0], values[1]) }
        return ordering.holds(values[0], values[1]) && ordering.holds(values[1], values[2])
    }

    private static func neither(_ what: String, _ value: CertLogicValue) -> CertLogicError {
        CertLogicError(
            .neitherTruthyNorFalsy,
            "\(what) must be truthy or falsy, but it is \(value.typeName), which is neither"
        )
    }

    private mutating func access(
        _ path: [CertLogicPathFragment],
        _ context: Context
    ) throws(CertLogicError)
        -> CertLogicValue
    {
        switch context {
        case .data(let root):
            var current = root
            for fragment in path {
                switch current {
                case .object(let members):
                    guard let next = members[fragment.key] else { return .null }
                    current = next
                case .array(let elements):
                    guard let i = fragment.index, i < elements.count else { return .null }
                    current = elements[i]
                default:
                    return .null
                }
            }
            return CertLogicValue(current)
        case .lambda(let current, let accumulator):
            guard let first = path.first else {
                let depth = max(current.builtDepth, accumulator.builtDepth) + 1
                guard depth <= configuration.maxBuiltValueDepth else {
                    throw CertLogicError(
                        .limitExceeded,
                        "evaluation built values nested deeper than \(configuration.maxBuiltValueDepth) levels"
                    )
                }
                return CertLogicValue(
                    storage: .object(["current": current, "accumulator": accumulator], depth: depth)
                )
            }
            var value: CertLogicValue
            switch first.key {
            case "current": value = current
            case "accumulator": value = accumulator
            default: return .null
            }
            for fragment in path.dropFirst() {
                value = value.member(fragment)
                if case .null = value.storage { return .null }
            }
            return value
        }
    }

    /// The `index`-th fragment of a UCI split on `/`, `#` and `:`, ignoring an optional `URN:UVCI:` prefix.
    static func extract(from uci: String, index: Int) -> String? {
        guard index >= 0 else { return nil }
        // Split on scalars, not Characters: a separator followed by a combining mark is still a separator.
        var scalars = Substring(uci).unicodeScalars
        let prefix = "URN:UVCI:".unicodeScalars
        if scalars.starts(with: prefix) { scalars = scalars.dropFirst(prefix.count) }
        var fragmentIndex = 0
        var start = scalars.startIndex
        var position = scalars.startIndex
        while position < scalars.endIndex {
            let c = scalars[position]
            if c == "/" || c == "#" || c == ":" {
                if fragmentIndex == index { return String(Substring(scalars[start..<position])) }
                fragmentIndex += 1
                start = scalars.index(after: position)
            }
            position = scalars.index(after: position)
        }
        return fragmentIndex == index ? String(Substring(scalars[start..<scalars.endIndex])) : nil
    }
}
