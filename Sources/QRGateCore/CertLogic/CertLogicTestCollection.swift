/// The test cases found at a path: CertLogic evaluator and validation suites, and rule
/// tests laid out as `<CC>/<RULE-ID>/rule.json` + `tests/*.json`.
///
/// A path may be a suite file, a folder of suites, a `rule.json`, a rule folder, a rule's
/// `tests` folder or one test file in it, or a whole tree of rule sets (any mix). In a
/// folder, JSON files that are neither suites nor part of a rule (schemas, indexes) are
/// ignored.
public struct CertLogicTestCollection: Sendable {
    /// A rule and the tests found for it.
    public struct RuleGroup: Sendable {
        /// Display name of the rule folder, e.g. `dcc-rules/EU/VR-EU-0000`.
        public var name: String
        /// The rule document.
        public var rule: JSONValue
        /// Its tests, sorted by file name.
        public var tests: [CertLogicRuleTest]
    }

    /// Evaluator-suite assertions, files sorted by path.
    public var assertions: [CertLogicSuiteAssertion] = []
    /// Validation-suite cases, files sorted by path.
    public var validationCases: [CertLogicValidationCase] = []
    /// Rules with their tests, sorted by path.
    public var ruleGroups: [RuleGroup] = []

    /// All rule tests, in order.
    public var ruleTests: [CertLogicRuleTest] { ruleGroups.flatMap(\.tests) }

    /// An empty collection.
    public init() {}

    /// Adds the cases of one suite document (`{"cases": [...]}`) named `name`; a document that is
    /// not a suite is an error when `mustBeSuite`, and ignored otherwise.
    public mutating func addSuite(_ document: JSONValue, name: String, mustBeSuite: Bool) throws(CertLogicError) {
        guard case .array(let cases) = document["cases"] ?? .null else {
            if mustBeSuite {
                throw CertLogicError(
                    .invalidInput,
                    "\(name) is neither a CertLogic test suite (no \"cases\") nor a rule or rule test (no rule.json next to it)"
                )
            }
            return
        }
        if cases.contains(where: { $0["issues"] != nil }) {
            validationCases += try CertLogicValidationCase.cases(inSuite: document, fileName: name)
        } else {
            assertions += try CertLogicSuiteAssertion.assertions(inSuite: document, fileName: name)
        }
    }

    /// Adds a rule (folder `name`) with its tests, each `(name, test document)`.
    public mutating func addRule(_ rule: JSONValue, name: String, tests: [(name: String, test: JSONValue)]) {
        let cases = tests.map { entry in
            var display = entry.name
            if let testName = entry.test["name"]?.stringValue { display += " (\(testName))" }
            return CertLogicRuleTest(name: display, rule: rule, test: entry.test)
        }
        ruleGroups.append(RuleGroup(name: name, rule: rule, tests: cases))
    }
}
