import Foundation
import Logging
import QRGateCore
import Synchronization

/// The country rules the pipeline evaluates: the rules folder (`trust.rules_directory`) until
/// the central sync installs `central/rule-sets.json` (a JSON array of Gateway-format rules),
/// evaluated with `central/value-sets.json` (`{valueSetId: [codes]}`) once synced, else the
/// bundled value sets. Files are replaced by rename; a changed modification time means a new
/// complete set, compiled and swapped in whole before the next scan, and a set that fails to
/// compile keeps the previous one.
public final class RuleSetSource: RuleEvaluating {
    private struct State {
        var evaluator: CertLogicRuleEvaluator?
        var stamps: [Date?]
    }

    private let country: String
    private let fallback: CertLogicRuleEvaluator?
    private let rulesPath: String
    private let valueSetsPath: String
    private let logger: Logger
    private let state: Mutex<State>

    /// Loads the folder rules now; synced files are picked up when they appear or change.
    public init(country: String, directory: String, syncedDirectory: String, logger: Logger) throws {
        self.country = country
        fallback = try CertLogicRuleEvaluator.load(directory: directory, country: country)
        rulesPath = syncedDirectory + "/rule-sets.json"
        valueSetsPath = syncedDirectory + "/value-sets.json"
        self.logger = logger
        state = Mutex(State(evaluator: fallback, stamps: [nil, nil]))
        _ = current()
    }

    /// The rule set's fingerprint, when one is loaded.
    public var version: String? { current()?.ruleSet.version }

    /// Checks a synced rule-set body before it is installed: a JSON array of rules whose rules for
    /// `country` all compile.
    public static func validateRules(_ data: Data, country: String) throws {
        let documents = try ruleDocuments(data)
        _ = try CountryRuleSet(country: country, documents: documents, valueSets: [:])
    }

    /// Checks a synced value-set body: an object of string arrays.
    public static func validateValueSets(_ data: Data) throws {
        _ = try valueSets(data)
    }

    static func ruleDocuments(_ data: Data) throws -> [(source: String, json: JSONValue)] {
        guard let array = try JSONValue(parsing: data).arrayValue else {
            throw CountryRuleSet.LoadError(source: "rule-sets.json", reason: "expected a JSON array of rules")
        }
        return array.enumerated().map { ("rule-sets.json[\($0.offset)]", $0.element) }
    }

    static func valueSets(_ data: Data) throws -> JSONValue {
        let json = try JSONValue(parsing: data)
        guard let object = json.objectValue,
            object.values.allSatisfy({ $0.arrayValue?.allSatisfy { $0.stringValue != nil } == true })
        else {
            throw CountryRuleSet.LoadError(source: "value-sets.json", reason: "expected {valueSetId: [codes]}")
        }
        return json
    }

    func current() -> CertLogicRuleEvaluator? {
        let stamps = [rulesPath, valueSetsPath].map { (try? FileManager.default.attributesOfItem(atPath: $0))?[.modificationDate] as? Date }
        return state.withLock { state in
            guard stamps != state.stamps else { return state.evaluator }
            state.stamps = stamps
            do {
                let valueSets = stamps[1] == nil ? ValueSets.bundled.compressed() : try Self.valueSets(try Data(contentsOf: URL(fileURLWithPath: valueSetsPath)))
                if stamps[0] != nil {
                    let documents = try Self.ruleDocuments(try Data(contentsOf: URL(fileURLWithPath: rulesPath)))
                    let ruleSet = try CountryRuleSet(country: country, documents: documents, valueSets: valueSets)
                    state.evaluator = ruleSet.rules.isEmpty ? fallback : CertLogicRuleEvaluator(ruleSet: ruleSet)
                } else if let fallback {
                    state.evaluator = CertLogicRuleEvaluator(
                        ruleSet: try CountryRuleSet(country: country, documents: fallback.ruleSet.documents, valueSets: valueSets))
                }
                logger.notice("rule set installed", metadata: ["rules.version": .string(state.evaluator?.ruleSet.version ?? "none")])
            } catch {
                logger.error("synced rules or value sets unusable; keeping the previous ones", metadata: ["error": .string("\(error)")])
            }
            return state.evaluator
        }
    }

    public func evaluate(payload: JSONValue, issuedAt: Date?, expiresAt: Date?, country: String, at now: Date) -> RuleOutcome {
        guard let evaluator = current() else { return .unavailable }
        return evaluator.evaluate(payload: payload, issuedAt: issuedAt, expiresAt: expiresAt, country: country, at: now)
    }
}
