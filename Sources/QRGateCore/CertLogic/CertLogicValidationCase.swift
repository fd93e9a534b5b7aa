/// One case of a CertLogic validation suite (`validation-testSuite/*.json`): the static
/// validator must report as many issues as listed, for the same offending sub-expressions
/// (messages are not compared: the upstream ones are certlogic-js's English texts).
public struct CertLogicValidationCase: Sendable, Hashable, CustomStringConvertible {
    /// `file › #n`.
    public var name: String
    /// The expression to validate.
    public var expression: JSONValue
    /// The offending sub-expression of each expected issue.
    public var expectedIssueExprs: [JSONValue]

    /// Creates a case.
    public init(name: String, expression: JSONValue, expectedIssueExprs: [JSONValue]) {
        self.name = name
        self.expression = expression
        self.expectedIssueExprs = expectedIssueExprs
    }

    /// The name.
    public var description: String { name }

    /// Every case of a validation suite document `{ "name", "cases": [ { "certLogicExpression", "issues" } ] }`.
    public static func cases(inSuite suite: JSONValue, fileName: String) throws(CertLogicError) -> [CertLogicValidationCase] {
        guard case .array(let cases) = suite["cases"] ?? .null else {
            throw CertLogicError(.invalidInput, "\(fileName) is not a CertLogic validation suite: it has no \"cases\" array")
        }
        var out: [CertLogicValidationCase] = []
        for (number, testCase) in cases.enumerated() {
            let name = "\(fileName) › #\(number + 1)"
            guard case .array(let issues) = testCase["issues"] ?? .null, let expression = testCase["certLogicExpression"]
            else {
                throw CertLogicError(.invalidInput, "\(name) needs \"certLogicExpression\" and an \"issues\" array")
            }
            let exprs = issues.map { $0["expr"] ?? .null }
            out.append(CertLogicValidationCase(name: name, expression: expression, expectedIssueExprs: exprs))
        }
        return out
    }

    /// Validates the expression and compares the issues.
    public func run(configuration: CertLogicConfiguration = .init()) -> CertLogicTestCaseResult {
        let issues = CertLogicExpression.validate(expression, configuration: configuration)
        let actual = issues.map(\.expr)
        if actual.count == expectedIssueExprs.count, Set(actual) == Set(expectedIssueExprs) {
            return CertLogicTestCaseResult(name: name, outcome: .passed)
        }
        let shown = issues.isEmpty ? "none" : issues.map(\.description).joined(separator: "; ")
        return CertLogicTestCaseResult(
            name: name,
            outcome: .failed(
                "expected \(expectedIssueExprs.count) issue(s) at \(expectedIssueExprs.map { $0.serialized() }), found: \(shown)"
            )
        )
    }
}
