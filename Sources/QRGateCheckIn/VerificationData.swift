import Foundation
import Logging
import QRGateCore
import QRGateFiles
import Synchronization

/// The verification snapshot the check-in path reads, published atomically.
///
/// At start the operator's files (`trust.path`, `trust.rules_directory`) are read, then what the
/// central sync installed earlier (`central/trust-list.json`, `rule-sets.json`,
/// `value-sets.json`). A scan only reads the current snapshot: no `stat`, no parsing. The central
/// sync hands a downloaded body to `prepare(_:data:)`, which parses and compiles it once, with the
/// value sets it will run with, and returns the step that publishes it; the sync writes the file
/// for the next start and then publishes. A body that fails to prepare changes nothing.
///
/// One sync runs at a time (the sync service is sequential), so a prepared step publishes on top
/// of the snapshot it was prepared from.
public final class VerificationData: Sendable {
    /// The resources the central sync keeps.
    public enum Resource: String, Sendable, CaseIterable {
        /// `trust-list.json`: signer certificates.
        case trustList = "trust-list"
        /// `rule-sets.json`: a JSON array of Gateway-format rules.
        case ruleSets = "rule-sets"
        /// `value-sets.json`: `{valueSetId: [codes]}`.
        case valueSets = "value-sets"

        /// File name in the sync folder.
        public var fileName: String { rawValue + ".json" }
    }

    private let state: Mutex<VerificationSnapshot>
    /// The operator's signers (always trusted, the synced list adds to them).
    private let operatorTrust: TrustStore
    /// The rules folder's documents (used until a synced set for the country arrives).
    private let folderDocuments: [(source: String, json: JSONValue)]
    private let country: String
    private let logger: Logger

    /// Wraps a snapshot (tests, benchmarks); `operatorTrust` and `folderRules` default to it.
    public init(snapshot: VerificationSnapshot, country: String, logger: Logger) {
        operatorTrust = snapshot.trust
        folderDocuments = snapshot.ruleDocuments
        self.country = country
        self.logger = logger
        state = Mutex(snapshot)
    }

    /// Reads the operator's files and then the previously synced ones from `syncedDirectory`.
    /// Throws for an operator trust file named directly that is unusable; an unusable file inside
    /// the trust folder is logged (`trust file skipped`, warning) and skipped, the folder's other
    /// files stand; a synced file that is unusable is logged and skipped (the previous snapshot stands, as it did when the sync checked it).
    public static func load(
        trustPath: String, rulesDirectory: String, syncedDirectory: String, country: String, logger: Logger,
        extraTrustPaths: [String] = []
    ) throws -> VerificationData {
        var entries: [TrustStore.Entry] = []
        for path in [trustPath] + extraTrustPaths where FileManager.default.fileExists(atPath: path) {
            let loaded = try TrustStore.loadReporting(path: path)
            for skipped in loaded.skipped {
                logger.warning(
                    "trust file skipped",
                    metadata: ["trust.path": .string(path), "error": .string("\(skipped)")])
            }
            entries += loaded.store.entries
        }
        let trust = TrustStore(entries)
        let documents = try RuleFiles.documents(in: rulesDirectory)
        let valueSets = ValueSets.bundled.compressed()
        let rules = try CertLogicRuleEvaluator.compile(country: country, documents: documents, valueSets: valueSets)
        let data = VerificationData(
            snapshot: VerificationSnapshot(trust: trust, rules: rules, valueSets: valueSets),
            country: country, logger: logger)
        // Value sets first: the synced rules are then compiled once, with the synced value sets.
        for resource in [Resource.valueSets, .ruleSets, .trustList] {
            let path = syncedDirectory + "/" + resource.fileName
            guard let bytes = FileManager.default.contents(atPath: path) else { continue }
            do {
                try data.prepare(resource, data: bytes)()
            } catch {
                logger.error(
                    "synced file unusable; keeping the previous data",
                    metadata: ["sync.resource": .string(resource.rawValue), "error": .string("\(error)")])
            }
        }
        return data
    }

    /// The snapshot for the next scan.
    public var current: VerificationSnapshot { state.withLock { $0 } }

    /// Parses, validates and compiles a downloaded body of `resource`; returns the step that
    /// publishes it. Throws when the body is unusable (the current snapshot then stays).
    public func prepare(_ resource: Resource, data: Data) throws -> @Sendable () -> Void {
        let base = current
        var next = base
        switch resource {
        case .trustList:
            let synced = try TrustStore.entries(fromFileContents: Array(data), fileName: resource.fileName)
            guard !synced.isEmpty else {
                throw CountryRuleSet.LoadError(source: resource.fileName, reason: "the trust list names no signer certificate")
            }
            next.trust = TrustStore(operatorTrust.entries + synced)
        case .ruleSets:
            let documents = try Self.ruleDocuments(data)
            // A synced set without rules for this country leaves the folder's rules in force.
            let compiled = try CertLogicRuleEvaluator.compile(country: country, documents: documents, valueSets: base.valueSets)
            next.rules =
                try compiled ?? CertLogicRuleEvaluator.compile(country: country, documents: folderDocuments, valueSets: base.valueSets)
        case .valueSets:
            next.valueSets = try Self.valueSets(data)
            next.valueSetsOrigin = "synced"
            next.rules = try CertLogicRuleEvaluator.compile(country: country, documents: base.ruleDocuments, valueSets: next.valueSets)
        }
        let published = next
        let logger = self.logger
        return { [self] in
            state.withLock { $0 = published }
            logger.notice(
                "verification data installed",
                metadata: ["sync.resource": .string(resource.rawValue), "verification.versions": .string(published.versions)])
        }
    }

    /// A synced rule-set body: a JSON array of rule documents.
    static func ruleDocuments(_ data: Data) throws -> [(source: String, json: JSONValue)] {
        guard let array = try JSONValue(parsing: data).arrayValue else {
            throw CountryRuleSet.LoadError(source: "rule-sets.json", reason: "expected a JSON array of rules")
        }
        return array.enumerated().map { ("rule-sets.json[\($0.offset)]", $0.element) }
    }

    /// A synced value-set body: an object of string arrays.
    static func valueSets(_ data: Data) throws -> JSONValue {
        let json = try JSONValue(parsing: data)
        guard let object = json.objectValue,
            object.values.allSatisfy({ $0.arrayValue?.allSatisfy { $0.stringValue != nil } == true })
        else {
            throw CountryRuleSet.LoadError(source: "value-sets.json", reason: "expected {valueSetId: [codes]}")
        }
        return json
    }
}
