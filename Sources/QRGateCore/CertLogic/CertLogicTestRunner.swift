/// Runs CertLogic conformance suites and rule tests: the library behind `qrgate rules test`.
public struct CertLogicTestRunner: Sendable {
    /// Limits used for every expression.
    public var configuration: CertLogicConfiguration
    /// Also run cases marked `"directive": "skip"` (they are expected to fail or throw).
    public var includeSkipped: Bool

    /// Creates a runner.
    public init(configuration: CertLogicConfiguration = .init(), includeSkipped: Bool = false) {
        self.configuration = configuration
        self.includeSkipped = includeSkipped
    }

    /// Runs every case of a collection; each rule is compiled once for all its tests.
    public func run(_ collection: CertLogicTestCollection) -> CertLogicTestReport {
        var results: [CertLogicTestCaseResult] = []
        for assertion in collection.assertions {
            results.append(assertion.run(configuration: configuration, includeSkipped: includeSkipped))
        }
        for validationCase in collection.validationCases {
            results.append(validationCase.run(configuration: configuration))
        }
        for group in collection.ruleGroups {
            let compiled: CertLogicExpression
            do {
                compiled = try CertLogicRuleTest.compileLogic(of: group.rule, configuration: configuration)
            } catch {
                for test in group.tests {
                    results.append(CertLogicTestCaseResult(name: test.name, outcome: .failed("rule does not compile: \(error)")))
                }
                continue
            }
            for test in group.tests {
                results.append(test.run(compiled: compiled, configuration: configuration))
            }
        }
        return CertLogicTestReport(results: results)
    }
}
