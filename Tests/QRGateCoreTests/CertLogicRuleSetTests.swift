import QRGateCore
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
}
