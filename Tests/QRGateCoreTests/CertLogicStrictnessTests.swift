import QRGateCore
import Testing

/// Strict evaluation: every misuse is a typed error, never a silent `null` or `false`.
@Suite struct CertLogicStrictnessTests {
    private func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

    private func evaluate(
        _ logic: String,
        _ data: String = "null",
        _ configuration: CertLogicConfiguration = .init()
    )
        throws -> JSONValue
    {
        try CertLogicExpression(json: json(logic), configuration: configuration).evaluate(data: json(data)).jsonValue
    }

    /// The code of the error that compiling or evaluating throws.
    private func errorCode(
        _ logic: String,
        _ data: String = "null",
        _ configuration: CertLogicConfiguration = .init()
    )
        throws -> CertLogicError.Code?
    {
        let logicJSON = try json(logic)
        let dataJSON = try json(data)
        do {
            let value = try CertLogicExpression(json: logicJSON, configuration: configuration).evaluate(data: dataJSON)
            Issue.record("\(logic) on \(data) evaluated to \(value) instead of throwing")
            return nil
        } catch {
            return error.code
        }
    }

    static let unknownOperations = [
        #"{"all": [[1], true]}"#, #"{"!!": [1]}"#, #"{"==": [1, 1]}"#, #"{"or": [true, false]}"#, #"{"map": [[], 1]}"#,
        #"{"missing": ["a"]}"#, #"{"all": []}"#, #"{"extractFromUCI": ["a", 0]}"#,
    ]

    @Test(arguments: unknownOperations)
    func unknownOperation(_ logic: String) throws {
        #expect(try errorCode(logic) == .unknownOperation)
    }

    @Test func doubleNegationIsAnOptIn() throws {
        var configuration = CertLogicConfiguration()
        configuration.allowsDoubleNegation = true
        #expect(try evaluate(#"{"!!": [{"var": "x"}]}"#, #"{"x": [1]}"#, configuration) == true)
        #expect(try evaluate(#"{"!!": [{"var": "x"}]}"#, #"{"x": ""}"#, configuration) == false)
        #expect(try errorCode(#"{"!!": [1, 2]}"#, "null", configuration) == .wrongArity)
    }

    static let wrongArity = [
        #"{"if": [true, 1]}"#, #"{"if": [true, 1, 2, 3]}"#, #"{"===": [1]}"#, #"{"===": [1, 1, 1]}"#,
        #"{"in": ["a"]}"#, #"{"+": [1, 2, 3]}"#, #"{"and": [true]}"#, #"{"<": [1]}"#, #"{"<": [1, 2, 3, 4]}"#,
        #"{"before": [1]}"#, #"{"!": [1, 2]}"#, #"{"!": []}"#, #"{"plusTime": ["2021-01-01", 1]}"#,
        #"{"reduce": [[], 0]}"#, #"{"extractFromUVCI": ["x"]}"#, #"{"dccDateOfBirth": []}"#,
        #"{"dccDateOfBirth": ["2004", "2005"]}"#, #"{"if": []}"#,
    ]

    @Test(arguments: wrongArity)
    func wrongArityIsAnError(_ logic: String) throws {
        #expect(try errorCode(logic) == .wrongArity)
    }

    static let invalidExpressions = [
        "null", "3.14", #"{}"#, #"{"var": "x", "if": []}"#, #"{"var": 0}"#, #"{"var": ["x"]}"#, #"{"var": "x."}"#,
        #"{"var": ".x"}"#, #"{"var": "x..y"}"#, #"{"if": "x"}"#, #"{"plusTime": ["2021-01-01", 1.5, "day"]}"#,
        #"{"plusTime": ["2021-01-01", {"var": "n"}, "day"]}"#, #"{"plusTime": ["2021-01-01", 1, "week"]}"#,
        #"{"plusTime": ["2021-01-01", 1, {"var": "u"}]}"#, #"{"extractFromUVCI": ["a", "0"]}"#, "[1, null]",
    ]

    @Test(arguments: invalidExpressions)
    func staticallyInvalid(_ logic: String) throws {
        let logicJSON = try json(logic)
        #expect(!CertLogicExpression.validate(logicJSON).isEmpty)
        #expect(throws: CertLogicError.self) { try CertLogicExpression(json: logicJSON) }
    }

    @Test func validatorCollectsEveryIssue() throws {
        let logic = try json(#"{"and": [{"foo": []}, {"var": "x."}, {"if": [1.5, null, true]}]}"#)
        let issues = CertLogicExpression.validate(logic)
        #expect(issues.count == 4)
        #expect(issues.map(\.expr).contains(try json(#"{"foo": []}"#)))
        let error = #expect(throws: CertLogicError.self) { try CertLogicExpression(json: logic) }
        #expect(error?.code == .invalidExpression)
        #expect(error?.issues.count == 4)
    }

    struct Mismatch: Sendable, CustomStringConvertible {
        var logic: String
        var data: String
        var code: CertLogicError.Code
        var description: String { "\(logic) on \(data)" }
    }

    static let mismatches: [Mismatch] = [
        Mismatch(logic: #"{"in": ["a", "abc"]}"#, data: "null", code: .typeMismatch),
        Mismatch(logic: #"{"in": ["a", {"var": "x"}]}"#, data: "{}", code: .typeMismatch),
        Mismatch(logic: #"{"in": [{"var": "x"}, ["a"]]}"#, data: #"{"x": ["a"]}"#, code: .typeMismatch),
        Mismatch(logic: #"{"in": [{"var": "x"}, {"var": "y"}]}"#, data: #"{"x": "a", "y": {"a": 1}}"#, code: .typeMismatch),
        Mismatch(logic: #"{"+": [1, "2"]}"#, data: "null", code: .typeMismatch),
        Mismatch(logic: #"{"+": [1, {"var": "x"}]}"#, data: #"{"x": 1.5}"#, code: .typeMismatch),
        Mismatch(logic: #"{"+": [1, {"var": "x"}]}"#, data: "{}", code: .typeMismatch),
        Mismatch(logic: #"{"<": [1, "2"]}"#, data: "null", code: .typeMismatch),
        Mismatch(logic: #"{"<=": [1, 2, {"var": "x"}]}"#, data: "{}", code: .typeMismatch),
        Mismatch(logic: #"{">": [{"plusTime": ["2021-01-01", 0, "day"]}, 1]}"#, data: "null", code: .typeMismatch),
        Mismatch(logic: #"{"before": [1, 2]}"#, data: "null", code: .typeMismatch),
        Mismatch(logic: #"{"after": [{"plusTime": ["2021-01-01", 0, "day"]}, "2020-01-01"]}"#, data: "null", code: .typeMismatch),
        Mismatch(
            logic: #"{"===": [{"plusTime": ["2021-01-01", 0, "day"]}, {"plusTime": ["2021-01-01", 0, "day"]}]}"#,
            data: "null",
            code: .typeMismatch
        ),
        Mismatch(logic: #"{"===": [{"var": "a"}, {"var": "b"}]}"#, data: #"{"a": [1], "b": [1]}"#, code: .typeMismatch),
        Mismatch(logic: #"{"plusTime": [{"var": "d"}, 0, "day"]}"#, data: #"{"d": 20210101}"#, code: .typeMismatch),
        Mismatch(logic: #"{"plusTime": [{"var": "d"}, 0, "day"]}"#, data: "{}", code: .typeMismatch),
        Mismatch(
            logic: #"{"plusTime": [{"plusTime": ["2021-01-01", 0, "day"]}, 1, "day"]}"#,
            data: "null",
            code: .typeMismatch
        ),
        Mismatch(logic: #"{"reduce": [{"var": "x"}, 0, 0]}"#, data: #"{"x": "abc"}"#, code: .typeMismatch),
        Mismatch(logic: #"{"extractFromUVCI": [{"var": "x"}, 0]}"#, data: #"{"x": 5}"#, code: .typeMismatch),
        Mismatch(logic: #"{"dccDateOfBirth": [{"var": "x"}]}"#, data: "{}", code: .typeMismatch),
        Mismatch(logic: #"{"dccDateOfBirth": [{"var": "x"}]}"#, data: #"{"x": "1963-00-00"}"#, code: .invalidDate),
        Mismatch(logic: #"{"!": [{"plusTime": ["2021-01-01", 0, "day"]}]}"#, data: "null", code: .neitherTruthyNorFalsy),
        Mismatch(logic: #"{"!": [{"var": "x"}]}"#, data: #"{"x": 0.5}"#, code: .neitherTruthyNorFalsy),
        Mismatch(logic: #"{"if": [{"var": "x"}, 1, 2]}"#, data: #"{"x": 2.5}"#, code: .neitherTruthyNorFalsy),
        Mismatch(
            logic: #"{"and": [true, {"plusTime": ["2021-01-01", 0, "day"]}]}"#,
            data: "null",
            code: .neitherTruthyNorFalsy
        ),
    ]

    @Test(arguments: mismatches)
    func typeErrors(_ mismatch: Mismatch) throws {
        #expect(try errorCode(mismatch.logic, mismatch.data) == mismatch.code)
    }

    @Test func errorMessagesCarryNoDataValues() throws {
        let dob = try CertLogicExpression(json: json(#"{"dccDateOfBirth": [{"var": "dob"}]}"#))
        let dateError = #expect(throws: CertLogicError.self) { try dob.evaluate(data: ["dob": "1963-00-00"]) }
        #expect(dateError?.message.contains("1963") == false)
        let compare = try CertLogicExpression(json: json(#"{"<": [{"var": "name"}, 3]}"#))
        let typeError = #expect(throws: CertLogicError.self) { try compare.evaluate(data: ["name": "Nguyễn Văn An"]) }
        #expect(typeError?.message.contains("Nguy") == false)
        #expect(typeError?.message.contains("a string") == true)
    }

    @Test func wellDefinedMixedComparisons() throws {
        // A container or date-time never equals a scalar: that is well defined, so it is `false`, not an error.
        #expect(try evaluate(#"{"===": [{"var": "a"}, {"var": "missing"}]}"#, #"{"a": [1]}"#) == false)
        #expect(try evaluate(#"{"===": [{"plusTime": ["2021-01-01", 0, "day"]}, "2021-01-01"]}"#) == false)
        #expect(try evaluate(#"{"===": [1, "1"]}"#) == false)
        #expect(try evaluate(#"{"===": [0, false]}"#) == false)
        #expect(try evaluate(#"{"in": [1, ["1", [1], 1]]}"#) == true)
        #expect(try evaluate(#"{"in": [{"var": "y"}, [{"var": "x"}]]}"#, "{}") == true)
    }

    @Test func andIsLazyAndReturnsTheDecidingOperand() throws {
        #expect(try evaluate(#"{"and": [false, {"+": ["a", 1]}]}"#) == false)
        // The second operand would throw (plusTime on a number), but is never evaluated.
        #expect(try evaluate(#"{"and": [{"var": "x"}, {"plusTime": [{"var": "x"}, 0, "day"]}]}"#, #"{"x": 0}"#) == 0)
        #expect(try evaluate(#"{"and": [1, "a", [0]]}"#) == [0])
    }

    @Test func varDrillsIntoObjectsAndArrays() throws {
        let data = #"{"a": {"b": [10, {"c": "x"}], "0": "zero"}, "s": "text"}"#
        #expect(try evaluate(#"{"var": "a.b.1.c"}"#, data) == "x")
        #expect(try evaluate(#"{"var": "a.b.0"}"#, data) == 10)
        #expect(try evaluate(#"{"var": "a.b.2"}"#, data) == nil)
        #expect(try evaluate(#"{"var": "a.b.x"}"#, data) == nil)
        #expect(try evaluate(#"{"var": "a.0"}"#, data) == "zero")
        #expect(try evaluate(#"{"var": "s.0"}"#, data) == nil)
        #expect(try evaluate(#"{"var": "missing.deeper"}"#, data) == nil)
    }

    @Test func reduceSeesCurrentAndAccumulator() throws {
        let count = #"{"reduce": [{"var": "xs"}, {"+": [{"var": "accumulator"}, {"if": [{"===": [{"var": "current.k"}, "a"]}, 1, 0]}]}, 0]}"#
        #expect(try evaluate(count, #"{"xs": [{"k": "a"}, {"k": "b"}, {"k": "a"}]}"#) == 2)
        #expect(try evaluate(count, #"{"xs": []}"#) == 0)
        #expect(try evaluate(count, "{}") == 0)  // null operand gives the initial value
        #expect(try evaluate(#"{"reduce": [[1, 2], {"var": ""}, 0]}"#) == ["current": 2, "accumulator": ["current": 1, "accumulator": 0]])
        // Dates can be accumulated.
        let latest =
            #"{"reduce": [{"var": "ds"}, {"if": [{"after": [{"plusTime": [{"var": "current"}, 0, "day"]}, {"var": "accumulator"}]}, {"plusTime": [{"var": "current"}, 0, "day"]}, {"var": "accumulator"}]}, {"plusTime": ["1970-01-01", 0, "day"]}]}"#
        #expect(try evaluate(latest, #"{"ds": ["2021-05-01", "2021-07-01", "2021-06-01"]}"#) == "2021-07-01T00:00:00.000Z")
    }

    @Test func extractFromUVCI() throws {
        #expect(try evaluate(#"{"extractFromUVCI": [{"var": ""}, 1]}"#, #""URN:UVCI:01:NL:187/37512422923""#) == "NL")
        #expect(try evaluate(#"{"extractFromUVCI": [{"var": ""}, 5]}"#, #""a::c/#/f""#) == "f")
        #expect(try evaluate(#"{"extractFromUVCI": [{"var": ""}, 6]}"#, #""a::c/#/f""#) == nil)
        #expect(try evaluate(#"{"extractFromUVCI": [{"var": ""}, -1]}"#, #""a""#) == nil)
        #expect(try evaluate(#"{"extractFromUVCI": [{"var": ""}, 0]}"#, #""URN:UVCI:""#) == "")
        // A combining mark after a separator does not hide the separator.
        #expect(try evaluate(#"{"extractFromUVCI": [{"var": ""}, 1]}"#, #""a/\u0301b""#) == "\u{0301}b")
    }

    @Test func deepNestingIsRejected() throws {
        var logic = "true"
        for _ in 0..<200 { logic = #"{"!": [\#(logic)]}"# }
        #expect(try errorCode(logic) == .limitExceeded)
        var arrays = "1"
        for _ in 0..<200 { arrays = "[\(arrays)]" }
        #expect(try errorCode(arrays) == .limitExceeded)
        // Within the limit (64 levels, the literal included), deep expressions evaluate.
        var ok = "true"
        for _ in 0..<63 { ok = #"{"!": [\#(ok)]}"# }
        #expect(try evaluate(ok) == false)  // an odd number of negations
        #expect(try errorCode(#"{"!": [\#(ok)]}"#) == .limitExceeded)
        // The JSON parser has its own depth limit.
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: String(repeating: "[", count: 100_000)) }
    }

    @Test func hugeReduceIsStoppedByTheStepBudget() throws {
        let million = JSONValue.array(Array(repeating: 1, count: 1_000_000))
        let sum = try CertLogicExpression(json: json(#"{"reduce": [{"var": "xs"}, {"+": [{"var": "accumulator"}, {"var": "current"}]}, 0]}"#))
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: CertLogicError.self) { try sum.evaluate(data: ["xs": million]) }
        #expect(error?.code == .limitExceeded)
        #expect(clock.now - start < .seconds(5))
        // Nested reduces over the same data are bounded as well.
        let nested = try CertLogicExpression(json: json(#"{"reduce": [{"var": "xs"}, {"reduce": [[1,2,3], {"in": [1, [1, 2]]}, 0]}, 0]}"#))
        #expect(throws: CertLogicError.self) { try nested.evaluate(data: ["xs": million]) }
        // A larger budget lets the same rule finish.
        var configuration = CertLogicConfiguration()
        configuration.maxEvaluationSteps = 10_000_000
        let generous = try CertLogicExpression(json: sum.json, configuration: configuration)
        #expect(try generous.evaluate(data: ["xs": million]).jsonValue == 1_000_000)
        // `in` over a huge array counts every element scanned.
        let member = try CertLogicExpression(json: json(#"{"reduce": [{"var": "xs"}, {"in": [2, {"var": "xs"}]}, false]}"#))
        #expect(throws: CertLogicError.self) { try member.evaluate(data: ["xs": million]) }
    }

    @Test func buildingDeeplyNestedValuesIsStopped() throws {
        let wrap = try CertLogicExpression(json: json(#"{"reduce": [{"var": "xs"}, [{"var": "accumulator"}], 0]}"#))
        let small = try wrap.evaluate(data: ["xs": [1, 2]])
        #expect(small.jsonValue == [[0]])
        let error = #expect(throws: CertLogicError.self) {
            try wrap.evaluate(data: ["xs": .array(Array(repeating: 1, count: 100_000))])
        }
        #expect(error?.code == .limitExceeded)
        let wrapContext = try CertLogicExpression(json: json(#"{"reduce": [{"var": "xs"}, {"var": ""}, 0]}"#))
        #expect(throws: CertLogicError.self) {
            try wrapContext.evaluate(data: ["xs": .array(Array(repeating: 1, count: 100_000))])
        }
    }

    /// Found by the fuzzer: `1e400` parsed to infinity, which prints as `null`.
    @Test func outOfRangeNumbersAreRejectedWhenParsing() throws {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "1e400") }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: #"{"x": -1e309}"#) }
        #expect(try JSONValue(parsing: "1e-400") == 0)
        let error = #expect(throws: CertLogicError.self) {
            try CertLogicExpression.evaluateForCommandLine(logic: #"{"var": "x"}"#, data: #"{"x": 1e400}"#)
        }
        #expect(error?.code == .invalidInput)
    }

    @Test func commandLineEvaluation() throws {
        #expect(try CertLogicExpression.evaluateForCommandLine(logic: #"{"+": [1, 2]}"#, data: "null") == "3")
        #expect(
            try CertLogicExpression.evaluateForCommandLine(
                logic: #"{"plusTime": [{"var": "d"}, 1, "day"]}"#,
                data: #"{"d": "2021-05-31"}"#
            )
                == #""2021-06-01T00:00:00.000Z""#
        )
        #expect(try CertLogicExpression.evaluateForCommandLine(logic: #"[{"var": "a"}, "x"]"#, data: #"{"a": {"b": 1}}"#) == #"[{"b":1},"x"]"#)
        let badJSON = #expect(throws: CertLogicError.self) { try CertLogicExpression.evaluateForCommandLine(logic: "{", data: "null") }
        #expect(badJSON?.code == .invalidInput)
        let unknown = #expect(throws: CertLogicError.self) {
            try CertLogicExpression.evaluateForCommandLine(logic: #"{"nope": [1]}"#, data: "null")
        }
        #expect(unknown?.code == .unknownOperation)
        #expect(unknown?.message.contains("nope") == true)
    }
}
