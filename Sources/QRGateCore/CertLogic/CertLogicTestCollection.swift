import Foundation

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

    /// Collects every test case at `path` (a file or a folder).
    public init(contentsOf path: String) throws(CertLogicError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CertLogicError(.invalidInput, "\(path) does not exist; give a CertLogic suite file or folder, or a rule-test folder")
        }
        let root = URL(fileURLWithPath: path).standardizedFileURL
        let displayBase = root.deletingLastPathComponent().path
        func display(_ url: URL) -> String {
            let p = url.standardizedFileURL.path
            return p.hasPrefix(displayBase + "/") ? String(p.dropFirst(displayBase.count + 1)) : p
        }
        func isRuleFolder(_ url: URL) -> Bool { fm.fileExists(atPath: url.appendingPathComponent("rule.json").path) }

        if !isDirectory.boolValue {
            if root.lastPathComponent == "rule.json" {
                try addRule(folder: root.deletingLastPathComponent(), only: nil, display: display)
            } else if root.deletingLastPathComponent().lastPathComponent == "tests",
                isRuleFolder(root.deletingLastPathComponent().deletingLastPathComponent())
            {
                try addRule(folder: root.deletingLastPathComponent().deletingLastPathComponent(), only: [root], display: display)
            } else {
                try addSuite(file: root, display: display, mustBeSuite: true)
            }
            return
        }
        if isRuleFolder(root) {
            try addRule(folder: root, only: nil, display: display)
            return
        }
        if root.lastPathComponent == "tests", isRuleFolder(root.deletingLastPathComponent()) {
            try addRule(folder: root.deletingLastPathComponent(), only: nil, display: display)
            return
        }
        guard let enumerator = fm.enumerator(atPath: root.path) else {
            throw CertLogicError(.invalidInput, "cannot list the folder \(path)")
        }
        var files: [String] = []
        while let next = enumerator.nextObject() as? String {
            if next.hasSuffix(".json") { files.append(next) }
        }
        files.sort()
        let ruleFolders = Set(
            files.filter { $0 == "rule.json" || $0.hasSuffix("/rule.json") }.map {
                $0 == "rule.json" ? "" : String($0.dropLast("/rule.json".count))
            }
        )
        for folder in ruleFolders.sorted() {
            try addRule(folder: root.appendingPathComponent(folder), only: nil, display: display)
        }
        for file in files {
            // Skip anything inside a rule folder: those were handled above.
            var parent = (file as NSString).deletingLastPathComponent
            var insideRule = false
            while true {
                if ruleFolders.contains(parent) {
                    insideRule = true
                    break
                }
                if parent.isEmpty { break }
                parent = (parent as NSString).deletingLastPathComponent
            }
            if insideRule { continue }
            try addSuite(file: root.appendingPathComponent(file), display: display, mustBeSuite: false)
        }
    }

    private static func load(_ url: URL) throws(CertLogicError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CertLogicError(.invalidInput, "cannot read \(url.path)")
        }
        do {
            return try JSONValue(parsing: data)
        } catch {
            throw CertLogicError(.invalidInput, "\(url.path) is not valid JSON: \(error)")
        }
    }

    private mutating func addSuite(file: URL, display: (URL) -> String, mustBeSuite: Bool) throws(CertLogicError) {
        let document = try Self.load(file)
        let name = display(file)
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

    private mutating func addRule(folder: URL, only: [URL]?, display: (URL) -> String) throws(CertLogicError) {
        let rule = try Self.load(folder.appendingPathComponent("rule.json"))
        var testFiles: [URL]
        if let only {
            testFiles = only
        } else {
            let testsFolder = folder.appendingPathComponent("tests")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: testsFolder.path)) ?? []
            testFiles = names.filter { $0.hasSuffix(".json") }.sorted().map { testsFolder.appendingPathComponent($0) }
        }
        var tests: [CertLogicRuleTest] = []
        for file in testFiles {
            let test = try Self.load(file)
            var name = display(file)
            if let testName = test["name"]?.stringValue { name += " (\(testName))" }
            tests.append(CertLogicRuleTest(name: name, rule: rule, test: test))
        }
        ruleGroups.append(RuleGroup(name: display(folder), rule: rule, tests: tests))
    }
}
