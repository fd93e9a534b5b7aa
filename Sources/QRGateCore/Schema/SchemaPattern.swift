/// A compiled JSON-Schema `pattern`: the ECMA-262 regular-expression subset that schemas use,
/// matched with ECMA-262 semantics (not ICU's).
///
/// Differences from `NSRegularExpression` (ICU) that matter for schemas, and what this type does:
/// `\d` is only `[0-9]` (ICU: any Unicode digit); `$` matches only at the end of the input (ICU:
/// also before a final line break); `.` matches any character except line terminators; and a
/// pattern is unanchored, it may match anywhere in the string.
///
/// Supported: literals, `.`, escapes (`\d \D \w \W \s \S \b \B \t \n \r \f \v \0 \xHH \uHHHH`
/// and escaped punctuation), classes `[...]`/`[^...]` with ranges, groups `(...)`/`(?:...)`,
/// alternation, anchors `^ $`, quantifiers `* + ? {n} {n,} {n,m}` (greedy and lazy). Not
/// supported (compile error): backreferences, lookaround, named groups, flags.
/// Characters are Unicode scalars.
public struct SchemaPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern text as written in the schema.
    public let source: String
    private let root: Node
    private let anchoredAtStart: Bool

    /// Compiles `source`; throws when it uses syntax outside the supported subset.
    public init(_ source: String) throws(SchemaCompilationError) {
        self.source = source
        var parser = Parser(scalars: Array(source.unicodeScalars), source: source)
        let node = try parser.parseAlternation()
        if parser.position < parser.scalars.count {
            throw parser.error("unbalanced ')'")
        }
        self.root = node
        if case .sequence(let items) = node, case .start? = items.first {
            anchoredAtStart = true
        } else {
            anchoredAtStart = (node == .start)
        }
    }

    /// A human-readable form, the source text.
    public var description: String { source }

    /// True when the pattern matches somewhere in `text` (ECMA-262 `RegExp.prototype.test`).
    public func matches(_ text: String) -> Bool {
        let capacity = text.utf8.count
        if capacity <= 256 {
            // Short strings (all real DCC fields): scalars on the stack, no heap allocation.
            return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: max(capacity, 1)) { storage in
                var count = 0
                for scalar in text.unicodeScalars {
                    storage[count] = scalar
                    count += 1
                }
                return run(on: UnsafeBufferPointer(rebasing: storage[0..<count]))
            }
        }
        return Array(text.unicodeScalars).withUnsafeBufferPointer { run(on: $0) }
    }

    private func run(on input: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        let matcher = Matcher(input: input)
        if anchoredAtStart {
            return matcher.match(root, at: 0) { _ in true }
        }
        var start = 0
        while start <= input.count, matcher.budget > 0 {
            if matcher.match(root, at: start, then: { _ in true }) { return true }
            start += 1
        }
        return false
    }

    // MARK: - Syntax tree

    fileprivate struct ScalarRange: Sendable, Hashable {
        var lower: UInt32
        var upper: UInt32
    }

    fileprivate struct CharacterSet: Sendable, Hashable {
        var ranges: [ScalarRange]
        var negated: Bool

        func contains(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            var found = false
            for r in ranges where v >= r.lower && v <= r.upper {
                found = true
                break
            }
            return found != negated
        }

        static let digits = [ScalarRange(lower: 0x30, upper: 0x39)]
        static let word = [
            ScalarRange(lower: 0x30, upper: 0x39), ScalarRange(lower: 0x41, upper: 0x5A),
            ScalarRange(lower: 0x5F, upper: 0x5F), ScalarRange(lower: 0x61, upper: 0x7A),
        ]
        /// ECMA-262 WhiteSpace and LineTerminator.
        static let space = [
            ScalarRange(lower: 0x09, upper: 0x0D), ScalarRange(lower: 0x20, upper: 0x20),
            ScalarRange(lower: 0xA0, upper: 0xA0), ScalarRange(lower: 0x1680, upper: 0x1680),
            ScalarRange(lower: 0x2000, upper: 0x200A), ScalarRange(lower: 0x2028, upper: 0x2029),
            ScalarRange(lower: 0x202F, upper: 0x202F), ScalarRange(lower: 0x205F, upper: 0x205F),
            ScalarRange(lower: 0x3000, upper: 0x3000), ScalarRange(lower: 0xFEFF, upper: 0xFEFF),
        ]
        static let lineTerminators = [
            ScalarRange(lower: 0x0A, upper: 0x0A), ScalarRange(lower: 0x0D, upper: 0x0D),
            ScalarRange(lower: 0x2028, upper: 0x2029),
        ]
        static let dot = CharacterSet(ranges: lineTerminators, negated: true)
    }

    fileprivate indirect enum Node: Sendable, Hashable {
        case empty
        case literal(Unicode.Scalar)
        case set(CharacterSet)
        case sequence([Node])
        case alternation([Node])
        case repetition(Node, min: Int, max: Int?, greedy: Bool)
        case start
        case end
        case wordBoundary(negated: Bool)
    }

    // MARK: - Parser

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let source: String
        var position = 0

        func error(_ reason: String) -> SchemaCompilationError {
            SchemaCompilationError(
                code: .unsupportedPattern,
                message: "pattern \"\(source)\" cannot be compiled at offset \(position): \(reason); "
                    + "use the ECMA-262 subset described in SchemaPattern"
            )
        }

        var atEnd: Bool { position >= scalars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : scalars[position] }

        mutating func parseAlternation() throws(SchemaCompilationError) -> Node {
            var branches = [try parseSequence()]
            while peek == "|" {
                position += 1
                branches.append(try parseSequence())
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func parseSequence() throws(SchemaCompilationError) -> Node {
            var items: [Node] = []
            while let c = peek, c != "|", c != ")" {
                var atom = try parseAtom()
                atom = try parseQuantifier(on: atom)
                items.append(atom)
            }
            switch items.count {
            case 0: return .empty
            case 1: return items[0]
            default: return .sequence(items)
            }
        }

        mutating func parseQuantifier(on atom: Node) throws(SchemaCompilationError) -> Node {
            guard let c = peek else { return atom }
            var bounds: (Int, Int?)?
            switch c {
            case "*":
                position += 1
                bounds = (0, nil)
            case "+":
                position += 1
                bounds = (1, nil)
            case "?":
                position += 1
                bounds = (0, 1)
            case "{":
                if let parsed = try parseBraces() { bounds = parsed }
            default: break
            }
            guard let (lower, upper) = bounds else { return atom }
            switch atom {
            case .start, .end, .wordBoundary: throw error("nothing to repeat")
            default: break
            }
            var greedy = true
            if peek == "?" {
                position += 1
                greedy = false
            }
            if peek == "*" || peek == "+" || peek == "?" { throw error("nothing to repeat") }
            if peek == "{", try lookaheadBraces() { throw error("nothing to repeat") }
            return .repetition(atom, min: lower, max: upper, greedy: greedy)
        }

        /// True when a `{n}`, `{n,}` or `{n,m}` quantifier starts at the current position.
        func lookaheadBraces() throws(SchemaCompilationError) -> Bool {
            var copy = self
            return try copy.parseBraces() != nil
        }

        /// Parses `{n}`, `{n,}`, `{n,m}`; returns nil (consuming nothing) when `{` is a literal.
        mutating func parseBraces() throws(SchemaCompilationError) -> (Int, Int?)? {
            let saved = position
            guard peek == "{" else { return nil }
            position += 1
            guard let lower = readNumber() else {
                position = saved
                return nil
            }
            var upper: Int? = lower
            if peek == "," {
                position += 1
                upper = readNumber()
            }
            guard peek == "}" else {
                position = saved
                return nil
            }
            position += 1
            if let upper, upper < lower { throw error("numbers out of order in {} quantifier") }
            return (lower, upper)
        }

        mutating func readNumber() -> Int? {
            var value: Int?
            while let c = peek, c.value >= 0x30, c.value <= 0x39 {
                value = min((value ?? 0) * 10 + Int(c.value - 0x30), 1_000_000)
                position += 1
            }
            return value
        }

        mutating func parseAtom() throws(SchemaCompilationError) -> Node {
            let c = scalars[position]
            position += 1
            switch c {
            case "^": return .start
            case "$": return .end
            case ".": return .set(.dot)
            case "(":
                if peek == "?" {
                    if position + 1 < scalars.count, scalars[position + 1] == ":" {
                        position += 2
                    } else {
                        throw error("lookaround and named groups are not supported")
                    }
                }
                let inner = try parseAlternation()
                guard peek == ")" else { throw error("missing ')'") }
                position += 1
                return inner
            case "[": return .set(try parseClass())
            case "\\": return try parseEscape(inClass: false)
            case "*", "+", "?": throw error("nothing to repeat")
            case "{":
                position -= 1
                if try lookaheadBraces() { throw error("nothing to repeat") }
                position += 1
                return .literal(c)
            default: return .literal(c)
            }
        }

        mutating func parseClass() throws(SchemaCompilationError) -> CharacterSet {
            var negated = false
            if peek == "^" {
                negated = true
                position += 1
            }
            var ranges: [ScalarRange] = []
            while true {
                guard let c = peek else { throw error("missing ']'") }
                if c == "]" {
                    position += 1
                    break
                }
                let lowerItem = try parseClassItem()
                if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]",
                    case .single(let lower) = lowerItem
                {
                    position += 1
                    let upperItem = try parseClassItem()
                    guard case .single(let upper) = upperItem else {
                        throw error("a class escape cannot end a range")
                    }
                    guard lower.value <= upper.value else { throw error("range out of order in class") }
                    ranges.append(ScalarRange(lower: lower.value, upper: upper.value))
                } else {
                    switch lowerItem {
                    case .single(let s): ranges.append(ScalarRange(lower: s.value, upper: s.value))
                    case .set(let set):
                        if set.negated {
                            ranges.append(contentsOf: Self.complement(set.ranges))
                        } else {
                            ranges.append(contentsOf: set.ranges)
                        }
                    }
                }
            }
            return CharacterSet(ranges: ranges, negated: negated)
        }

        enum ClassItem {
            case single(Unicode.Scalar)
            case set(CharacterSet)
        }

        mutating func parseClassItem() throws(SchemaCompilationError) -> ClassItem {
            let c = scalars[position]
            position += 1
            guard c == "\\" else { return .single(c) }
            switch try parseEscape(inClass: true) {
            case .literal(let s): return .single(s)
            case .set(let set): return .set(set)
            default: throw error("unsupported escape in class")
            }
        }

        static func complement(_ ranges: [ScalarRange]) -> [ScalarRange] {
            let sorted = ranges.sorted { $0.lower < $1.lower }
            var result: [ScalarRange] = []
            var next: UInt32 = 0
            for r in sorted {
                if r.lower > next { result.append(ScalarRange(lower: next, upper: r.lower - 1)) }
                next = max(next, r.upper + 1)
            }
            if next <= 0x10FFFF { result.append(ScalarRange(lower: next, upper: 0x10FFFF)) }
            return result
        }

        mutating func parseEscape(inClass: Bool) throws(SchemaCompilationError) -> Node {
            guard let c = peek else { throw error("'\\' at end of pattern") }
            position += 1
            switch c {
            case "d": return .set(CharacterSet(ranges: CharacterSet.digits, negated: false))
            case "D": return .set(CharacterSet(ranges: CharacterSet.digits, negated: true))
            case "w": return .set(CharacterSet(ranges: CharacterSet.word, negated: false))
            case "W": return .set(CharacterSet(ranges: CharacterSet.word, negated: true))
            case "s": return .set(CharacterSet(ranges: CharacterSet.space, negated: false))
            case "S": return .set(CharacterSet(ranges: CharacterSet.space, negated: true))
            case "b": return inClass ? .literal("\u{08}") : .wordBoundary(negated: false)
            case "B":
                if inClass { throw error("\\B in a class") }
                return .wordBoundary(negated: true)
            case "t": return .literal("\t")
            case "n": return .literal("\n")
            case "r": return .literal("\r")
            case "f": return .literal("\u{0C}")
            case "v": return .literal("\u{0B}")
            case "0": return .literal("\u{00}")
            case "x": return .literal(try readHex(count: 2))
            case "u": return .literal(try readHex(count: 4))
            default:
                if c.properties.isAlphabetic || ("1"..."9").contains(c) {
                    throw error("escape '\\\(c)' is not supported")
                }
                return .literal(c)
            }
        }

        mutating func readHex(count: Int) throws(SchemaCompilationError) -> Unicode.Scalar {
            guard position + count <= scalars.count else { throw error("truncated hex escape") }
            let digits = String(String.UnicodeScalarView(scalars[position..<position + count]))
            guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw error("invalid hex escape")
            }
            position += count
            return scalar
        }
    }

    // MARK: - Matcher (backtracking, continuation passing)

    /// Matching steps allowed per `matches` call, plus 8 per input character. Hostile input
    /// (`"1111…x"` against `^\d+.\d+.\d+$`) would otherwise take cubic time; past the budget
    /// the text counts as not matching, which no legitimate schema value comes near.
    static let stepBudget = 200_000

    private final class Matcher {
        let input: UnsafeBufferPointer<Unicode.Scalar>
        var budget: Int

        init(input: UnsafeBufferPointer<Unicode.Scalar>) {
            self.input = input
            self.budget = SchemaPattern.stepBudget + 8 * input.count
        }

        func isWord(at index: Int) -> Bool {
            guard index >= 0, index < input.count else { return false }
            let v = input[index].value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || v == 0x5F
                || (v >= 0x61 && v <= 0x7A)
        }

        func match(_ node: Node, at index: Int, then next: (Int) -> Bool) -> Bool {
            budget -= 1
            if budget <= 0 { return false }
            switch node {
            case .empty:
                return next(index)
            case .literal(let s):
                guard index < input.count, input[index] == s else { return false }
                return next(index + 1)
            case .set(let set):
                guard index < input.count, set.contains(input[index]) else { return false }
                return next(index + 1)
            case .start:
                return index == 0 && next(index)
            case .end:
                return index == input.count && next(index)
            case .wordBoundary(let negated):
                let boundary = isWord(at: index - 1) != isWord(at: index)
                return boundary != negated && next(index)
            case .sequence(let items):
                return matchSequence(items, from: 0, at: index, then: next)
            case .alternation(let branches):
                for branch in branches where match(branch, at: index, then: next) {
                    return true
                }
                return false
            case .repetition(let inner, let lower, let upper, let greedy):
                return matchRepetition(
                    inner, lower: lower, upper: upper, greedy: greedy, count: 0, at: index, then: next)
            }
        }

        static func singleCharacter(_ node: Node) -> ((Unicode.Scalar) -> Bool)? {
            switch node {
            case .literal(let s): return { $0 == s }
            case .set(let set): return { set.contains($0) }
            default: return nil
            }
        }

        func matchSequence(_ items: [Node], from item: Int, at index: Int, then next: (Int) -> Bool) -> Bool {
            if item == items.count { return next(index) }
            return match(items[item], at: index) { after in
                matchSequence(items, from: item + 1, at: after, then: next)
            }
        }

        func matchRepetition(
            _ inner: Node, lower: Int, upper: Int?, greedy: Bool, count: Int, at index: Int,
            then next: (Int) -> Bool
        ) -> Bool {
            // Single-character atoms (`\d+`, `[A-Z<]*`) repeat in a loop, not by recursion, so the
            // stack stays flat however long the input is.
            if count == 0, let single = Self.singleCharacter(inner) {
                var run = 0
                let limit = upper ?? Int.max
                while run < limit, index + run < input.count, single(input[index + run]) { run += 1 }
                budget -= run
                guard run >= lower else { return false }
                if greedy {
                    var taken = run
                    while taken >= lower, budget > 0 {
                        if next(index + taken) { return true }
                        budget -= 1
                        taken -= 1
                    }
                } else {
                    for taken in lower...run where budget > 0 {
                        if next(index + taken) { return true }
                        budget -= 1
                    }
                }
                return false
            }
            let mayStop = count >= lower
            let mayContinue = upper.map { count < $0 } ?? true
            func more() -> Bool {
                guard mayContinue else { return false }
                return match(inner, at: index) { after in
                    // An iteration that consumes nothing after the minimum would loop forever.
                    if after == index && mayStop { return false }
                    return matchRepetition(
                        inner, lower: lower, upper: upper, greedy: greedy, count: count + 1, at: after, then: next)
                }
            }
            if greedy {
                if more() { return true }
                return mayStop && next(index)
            } else {
                if mayStop && next(index) { return true }
                return more()
            }
        }
    }
}
