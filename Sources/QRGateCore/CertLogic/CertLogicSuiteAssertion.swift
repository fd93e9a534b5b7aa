/// One assertion of a CertLogic evaluator conformance suite (`testSuite/*.json`):
/// `evaluate(expression, data)` must deep-equal `expected` (types kept strict).
public struct CertLogicSuiteAssertion: Sendable, Hashable, CustomStringConvertible {
    /// `file › case › #n`.
    public var name: String
    /// The expression: the assertion's own, else its case's.
    public var expression: JSONValue
    /// The data context.
    public var data: JSONValue
    /// The expected result.
    public var expected: JSONValue
    /// Why the assertion is not run (a `"directive": "skip"` on the suite, case or assertion), if so.
    public var skipReason: String?

    /// Creates an assertion.
    public init(name: String, expression: JSONValue, data: JSONValue, expected: JSONValue, skipReason: String? = nil) {
        self.name = name
        self.expression = expression
        self.data = data
        self.expected = expected
        self.skipReason = skipReason
    }

    /// The name.
    public var description: String { name }

    /// Every assertion of a suite document `{ "name", "directive"?, "cases": [...] }`, in order.
    /// `"only"` directives (a mocha focus flag) are ignored.
    public static func assertions(inSuite suite: JSONValue, fileName: String) throws(CertLogicError) -> [CertLogicSuiteAssertion] {
        guard case .array(let cases) = suite["cases"] ?? .null else {
            throw CertLogicError(.invalidInput, "\(fileName) is not a CertLogic test suite: it has no \"cases\" array")
        }
        let suiteSkipped = suite["directive"] == "skip"
        var out: [CertLogicSuiteAssertion] = []
        for (caseNumber, testCase) in cases.enumerated() {
            let caseName = testCase["name"]?.stringValue ?? "case \(caseNumber + 1)"
            let caseSkipped = testCase["directive"] == "skip"
            guard case .array(let assertions) = testCase["assertions"] ?? .null else {
                throw CertLogicError(.invalidInput, "\(fileName) › \(caseName) has no \"assertions\" array")
            }
            for (number, assertion) in assertions.enumerated() {
                let name = "\(fileName) › \(caseName) › #\(number + 1)"
                guard let expression = assertion["certLogicExpression"] ?? testCase["certLogicExpression"] else {
                    throw CertLogicError(.invalidInput, "\(name) has no certLogicExpression (neither its own nor its case's)")
                }
                var skip: String?
                if suiteSkipped {
                    skip = "suite \(fileName) is marked \"directive\": \"skip\""
                } else if caseSkipped {
                    skip = "case is marked \"directive\": \"skip\""
                } else if assertion["directive"] == "skip" {
                    skip = "assertion is marked \"directive\": \"skip\""
                }
                out.append(
                    CertLogicSuiteAssertion(
                        name: name,
                        expression: expression,
                        data: assertion["data"] ?? .null,
                        expected: assertion["expected"] ?? .null,
                        skipReason: skip
                    )
                )
            }
        }
        return out
    }

    /// Runs the assertion (or reports it skipped).
    public func run(configuration: CertLogicConfiguration = .init(), includeSkipped: Bool = false) -> CertLogicTestCaseResult {
        if let skipReason, !includeSkipped { return CertLogicTestCaseResult(name: name, outcome: .skipped(skipReason)) }
        do {
            let compiled = try CertLogicExpression(json: expression, configuration: configuration)
            let result = try compiled.evaluate(data: data)
            if result.isDateTime {
                return CertLogicTestCaseResult(
                    name: name,
                    outcome: .failed("evaluated to the date-time \(result), expected \(expected.serialized())")
                )
            }
            let actual = result.jsonValue
            if actual == expected { return CertLogicTestCaseResult(name: name, outcome: .passed) }
            return CertLogicTestCaseResult(
                name: name,
                outcome: .failed("evaluated to \(actual.serialized()), expected \(expected.serialized())")
            )
        } catch {
            return CertLogicTestCaseResult(name: name, outcome: .failed("threw \(error)"))
        }
    }
}
