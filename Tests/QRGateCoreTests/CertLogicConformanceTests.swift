import QRGateCore
import QRGateFiles
import Testing

/// The official CertLogic 1.3.3 conformance suites, one test case per assertion.
@Suite struct CertLogicConformanceTests {
    @Test func suitesHaveTheDocumentedSize() {
        #expect(CertLogicFixtures.runnableAssertions.count == 218)
        #expect(CertLogicFixtures.skippedAssertions.count == 14)
        #expect(CertLogicFixtures.certLogic.validationCases.count == 23)
    }

    @Test(arguments: CertLogicFixtures.runnableAssertions)
    func evaluatorAssertion(_ assertion: CertLogicSuiteAssertion) {
        let result = assertion.run()
        #expect(result.outcome == .passed, "\(result)")
    }

    @Test(
        .disabled("marked \"directive\": \"skip\" upstream: JsonLogic behaviour that CertLogic 1.3 does not adopt"),
        arguments: CertLogicFixtures.skippedAssertions
    )
    func skippedEvaluatorAssertion(_ assertion: CertLogicSuiteAssertion) {
        _ = assertion.run(includeSkipped: true)
    }

    /// CertLogic makes `in` with a null or missing right-hand side an error; the skipped
    /// JsonLogic assertions expect `false`, so a strict evaluator must throw on them.
    @Test func skippedInsWithNullsThrow() throws {
        let skipped = CertLogicFixtures.skippedAssertions.filter { $0.name.hasPrefix("certlogic/testSuite/ins-with-nulls.json") }
        #expect(skipped.count == 4)
        for assertion in skipped {
            let expression = try CertLogicExpression(json: assertion.expression)
            #expect(throws: CertLogicError.self) { try expression.evaluate(data: assertion.data) }
        }
    }

    /// Run anyway, the skipped assertions behave as the fixture README's reference evaluator
    /// reports: the 4 `ins-with-nulls` ones throw, `patched-reduce` #1–#6 happen to pass
    /// and #7–#10 give other values (the lambda does not see the outer data).
    @Test func skippedAssertionsMatchTheReferenceBaseline() {
        let results = CertLogicFixtures.skippedAssertions.map { ($0.name, $0.run(includeSkipped: true).outcome) }
        let passing = results.filter { $0.1 == .passed }.map(\.0)
        #expect(passing.count == 6)
        #expect(passing.allSatisfy { $0.hasPrefix("certlogic/testSuite/patched-reduce.json") })
        let threw = results.filter { if case .failed(let why) = $0.1 { return why.hasPrefix("threw") } else { return false } }
        #expect(threw.count == 4)
        #expect(threw.allSatisfy { $0.0.hasPrefix("certlogic/testSuite/ins-with-nulls.json") })
    }

    @Test(arguments: CertLogicFixtures.certLogic.validationCases)
    func validationCase(_ validationCase: CertLogicValidationCase) {
        let result = validationCase.run()
        #expect(result.outcome == .passed, "\(result)")
    }

    @Test func runnerReportsTheWholeFolder() throws {
        let report = try CertLogicTestRunner().run(path: CertLogicFixtures.certLogicPath)
        #expect(report.passed == 218 + 23)
        #expect(report.failed == 0, "\(report.failures)")
        #expect(report.skipped == 14)
        #expect(report.summaryLine == "241 passed, 0 failed")
    }
}
