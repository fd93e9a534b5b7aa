import Foundation
import QRGateCore

/// Rule files on disk.
public enum RuleFiles {
    /// The rule documents below `directory`: every `*.json` file except those in `tests/`
    /// folders (the layout `<COUNTRY>/<RULE-ID>/rule.json` with `tests/` works as is), in path
    /// order. A missing folder has none.
    public static func documents(in directory: String) throws -> [(source: String, json: JSONValue)] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var documents: [(source: String, json: JSONValue)] = []
        var paths: [String] = []
        for case let relative as String in walker where relative.hasSuffix(".json") && !relative.split(separator: "/").contains("tests") {
            paths.append(relative)
        }
        for relative in paths.sorted() {
            let path = directory + "/" + relative
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let json: JSONValue
            do { json = try JSONValue(parsing: data) } catch {
                throw CountryRuleSet.LoadError(source: path, reason: "not valid JSON: \(error)")
            }
            if json["Identifier"] != nil { documents.append((path, json)) }
        }
        return documents
    }

    /// The compiled rules of `country` in `directory` with the bundled value sets; nil when none.
    public static func evaluator(directory: String, country: String) throws -> CertLogicRuleEvaluator? {
        try CertLogicRuleEvaluator.compile(country: country, documents: documents(in: directory), valueSets: ValueSets.bundled.compressed())
    }
}
