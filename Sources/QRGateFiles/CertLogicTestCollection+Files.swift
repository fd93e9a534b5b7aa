import Foundation
import QRGateCore

extension CertLogicTestCollection {
    /// Collects every test case at `path` (a file or a folder).
    public init(contentsOf path: String) throws(CertLogicError) {
        self.init()
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

    private static func document(_ url: URL) throws(CertLogicError) -> JSONValue {
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
        try addSuite(try Self.document(file), name: display(file), mustBeSuite: mustBeSuite)
    }

    private mutating func addRule(folder: URL, only: [URL]?, display: (URL) -> String) throws(CertLogicError) {
        let rule = try Self.document(folder.appendingPathComponent("rule.json"))
        var testFiles: [URL]
        if let only {
            testFiles = only
        } else {
            let testsFolder = folder.appendingPathComponent("tests")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: testsFolder.path)) ?? []
            testFiles = names.filter { $0.hasSuffix(".json") }.sorted().map { testsFolder.appendingPathComponent($0) }
        }
        var tests: [(name: String, test: JSONValue)] = []
        for file in testFiles { tests.append((display(file), try Self.document(file))) }
        addRule(rule, name: display(folder), tests: tests)
    }
}

extension CertLogicTestRunner {
    /// Collects and runs every case at `path` (see ``CertLogicTestCollection/init(contentsOf:)``).
    public func run(path: String) throws(CertLogicError) -> CertLogicTestReport {
        run(try CertLogicTestCollection(contentsOf: path))
    }
}
