import QRGateCore
import QRGateFiles
import Testing

/// The EU DCC rule sets with their tests (dgc-business-rules-testdata), one test case per test file.
@Suite struct CertLogicRuleSetTests {
    @Test func treeHasTheDocumentedSize() {
        #expect(CertLogicFixtures.dccRules.ruleGroups.count == 194)
        #expect(CertLogicFixtures.dccRules.ruleTests.count == 1364)
    }

    @Test(arguments: CertLogicFixtures.dccRules.ruleTests)
    func ruleTest(_ test: CertLogicRuleTest) {
        let result = test.run()
        #expect(result.outcome == .passed, "\(result)")
    }

    @Test func everyRuleIsStaticallyValid() {
        for group in CertLogicFixtures.dccRules.ruleGroups {
            let issues = CertLogicExpression.validate(group.rule["Logic"] ?? .null)
            #expect(issues.isEmpty, "\(group.name): \(issues)")
        }
    }

    @Test func runnerAcceptsOneRuleFolderAndOneTestFile() throws {
        let folder = CertLogicFixtures.dccRulesPath + "/EU/VR-EU-0000"
        let report = try CertLogicTestRunner().run(path: folder)
        #expect(report.results.count > 0)
        #expect(report.failed == 0, "\(report.failures)")
        let single = try CertLogicTestRunner().run(path: folder + "/tests/test001.json")
        #expect(single.results.count == 1)
        #expect(single.passed == 1)
    }

    @Test func runnerAcceptsTheWholeFixtureTree() throws {
        let root = CertLogicFixtures.rootPath
        let report = try CertLogicTestRunner().run(path: root)
        #expect(report.passed == 218 + 23 + 1364)
        #expect(report.failed == 0, "\(report.failures)")
        #expect(report.skipped == 14)
        #expect(report.renderedText.hasSuffix("1605 passed, 0 failed\n"))
        #expect(report.renderedText.contains("SKIP Fixtures/certlogic/testSuite/patched-reduce.json"))
    }

    @Test func runnerRejectsWhatIsNotATest() throws {
        let missing = #expect(throws: CertLogicError.self) {
            try CertLogicTestRunner().run(path: CertLogicFixtures.rootPath + "/no-such-folder")
        }
        #expect(missing?.code == .invalidInput)
        let schema = #expect(throws: CertLogicError.self) {
            try CertLogicTestRunner().run(path: CertLogicFixtures.certLogicPath + "/schemas/CertLogic-expression.json")
        }
        #expect(schema?.code == .invalidInput)
    }

    @Test func ruleTestFailsOnAWrongExpectationAndOutsideTheValidityWindow() throws {
        let rule = try JSONValue(
            parsing: #"{"ValidFrom": "2021-06-01T00:00:00Z", "ValidTo": "2030-06-01T00:00:00Z", "Logic": {"!": [{"var": "payload.v.1"}]}}"#
        )
        let pass = CertLogicRuleTest(name: "t", rule: rule, test: ["payload": ["v": [1]], "expected": true])
        #expect(pass.run().outcome == .passed)
        let wrong = CertLogicRuleTest(name: "t", rule: rule, test: ["payload": ["v": [1, 2]], "expected": true])
        #expect(wrong.run().outcome != .passed)
        let early = CertLogicRuleTest(
            name: "t",
            rule: rule,
            test: ["payload": nil, "external": ["validationClock": "2021-05-31T23:59:59Z"], "expected": true]
        )
        #expect(early.run().outcome != .passed)
        let atEnd = CertLogicRuleTest(
            name: "t",
            rule: rule,
            test: ["external": ["validationClock": "2030-06-01T00:00:00Z"], "expected": true]
        )
        #expect(atEnd.run().outcome != .passed)
        let throwing = CertLogicRuleTest(
            name: "t",
            rule: ["Logic": ["in": ["a", ["var": "external.valueSets.x"]]]],
            test: ["external": [:], "expected": false]
        )
        guard case .failed(let why) = throwing.run().outcome else {
            Issue.record("a rule that throws must fail its test")
            return
        }
        #expect(why.hasPrefix("threw"))
    }
}
