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
    /// How old the revocation list may get, and what then (`central.revocation_*`).
    private let revocationPolicy: RevocationPolicy
    /// Where the installed revocation list's keys are kept (nil: revocation lists are not kept).
    private let revocationKeysPath: String?
    /// What the last revocation-list install is doing, for the status page.
    private let revocationProgress = Mutex<String?>(nil)

    /// How old an installed revocation list may get, and what the gate does then.
    public struct RevocationPolicy: Sendable {
        /// Age limit, counted from the list's signed issue time.
        public var staleAfter: TimeInterval
        /// Refuse every EU DCC, or check against the old list and note it.
        public var whenStale: DCCRevocationState.WhenStale
        /// Creates a policy.
        public init(staleAfter: TimeInterval = 72 * 3600, whenStale: DCCRevocationState.WhenStale = .refuse) {
            self.staleAfter = staleAfter
            self.whenStale = whenStale
        }
    }

    /// Wraps a snapshot (tests, benchmarks); `operatorTrust` and `folderRules` default to it.
    public init(
        snapshot: VerificationSnapshot, country: String, logger: Logger, revocationPolicy: RevocationPolicy = RevocationPolicy(),
        revocationKeysPath: String? = nil
    ) {
        operatorTrust = snapshot.trust
        folderDocuments = snapshot.ruleDocuments
        self.country = country
        self.logger = logger
        self.revocationPolicy = revocationPolicy
        self.revocationKeysPath = revocationKeysPath
        state = Mutex(snapshot)
    }

    /// Reads the operator's files and then the previously synced ones from `syncedDirectory`.
    /// Throws for an operator trust file named directly that is unusable; an unusable file inside
    /// the trust folder is logged (`trust file skipped`, warning) and skipped, the folder's other
    /// files stand; a synced file that is unusable is logged and skipped (the previous snapshot stands, as it did when the sync checked it).
    public static func load(
        trustPath: String, rulesDirectory: String, syncedDirectory: String, country: String, logger: Logger,
        extraTrustPaths: [String] = [], revocationPolicy: RevocationPolicy = RevocationPolicy()
    ) throws -> VerificationData {
        var trust = TrustStore()
        for path in [trustPath] + extraTrustPaths where FileManager.default.fileExists(atPath: path) {
            let loaded = try TrustStore.loadReporting(path: path)
            for skipped in loaded.skipped {
                logger.warning(
                    "trust file skipped",
                    metadata: ["trust.path": .string(path), "error": .string("\(skipped)")])
            }
            // Merged whole: the signers and the other formats' material (SMART Health Card issuers, country signing CAs).
            trust = trust.merging(loaded.store)
        }
        let documents = try RuleFiles.documents(in: rulesDirectory)
        let valueSets = ValueSets.bundled.compressed()
        let rules = try CertLogicRuleEvaluator.compile(country: country, documents: documents, valueSets: valueSets)
        let data = VerificationData(
            snapshot: VerificationSnapshot(trust: trust, rules: rules, valueSets: valueSets),
            country: country, logger: logger, revocationPolicy: revocationPolicy,
            revocationKeysPath: syncedDirectory + "/" + Self.revocationKeysFile)
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
        data.loadInstalledRevocationList()
        return data
    }

    /// File name of the installed revocation list's keys in the sync folder.
    public static let revocationKeysFile = "revocation.keys"

    /// Puts the revocation list installed earlier back in use (its keys file, one sequential read).
    func loadInstalledRevocationList() {
        guard let revocationKeysPath, FileManager.default.fileExists(atPath: revocationKeysPath) else { return }
        do {
            let file = try RevocationKeyFile(path: revocationKeysPath)
            let index = try file.index()
            let state = DCCRevocationState(
                index: index, version: file.version, issuedAt: file.issuedAt, staleAfter: revocationPolicy.staleAfter,
                whenStale: revocationPolicy.whenStale)
            self.state.withLock { $0.trust.revocation = state }
            logger.notice(
                "revocation list in use",
                metadata: [
                    "revocation.version": "\(file.version)", "revocation.entries": "\(index.count)",
                    "revocation.index_bytes": "\(index.residentBytes)",
                ])
        } catch {
            logger.error(
                "installed revocation list unusable; revocation is not checked until the next sync installs one",
                metadata: ["error": .string("\(error)")])
        }
    }

    /// What the revocation list install is doing (`installing: 400000 entries read`), or the list in
    /// use (`version 7: 1000000 entries`), or nil when there is none.
    public var revocationStatus: String? {
        if let progress = revocationProgress.withLock({ $0 }) { return progress }
        return current.trust.revocation.map { "version \($0.version): \($0.index.count) entries" }
    }

    /// Prepares a synced revocation list (`qrgate-revocation-1`): its index keys computed, sorted
    /// and written to the keys file, the index built; returns the step that puts it in use. Logs
    /// its progress and shows it in ``revocationStatus``. Throws when the list is unusable (the
    /// list in use then stays).
    public func prepareRevocationList(_ payload: Data, version: Int64, issuedAt: Date) throws -> @Sendable () -> Void {
        guard let revocationKeysPath else { return {} }
        let logger = self.logger
        let started = ContinuousClock.now
        defer { revocationProgress.withLock { $0 = nil } }
        func report(_ text: String) {
            revocationProgress.withLock { $0 = "installing version \(version): \(text)" }
        }
        report("reading")
        var lastLogged = 0
        var keys = try DCCRevocationResource.keys(of: Array(payload)) { read in
            report("\(read) entries read")
            if read - lastLogged >= 1_000_000 {
                lastLogged = read
                logger.info("revocation list install", metadata: ["revocation.version": "\(version)", "revocation.entries_read": "\(read)"])
            }
        }
        report("sorting \(keys.count) entries")
        keys.sort()
        var kept = 0
        for key in keys where kept == 0 || keys[kept - 1] != key {
            keys[kept] = key
            kept += 1
        }
        keys.removeLast(keys.count - kept)
        report("writing \(kept) entries")
        try RevocationKeyFile.install(keys, version: version, issuedAt: issuedAt, to: revocationKeysPath)
        keys = []
        report("indexing \(kept) entries")
        let file = try RevocationKeyFile(path: revocationKeysPath)
        let index = try file.index()
        let state = DCCRevocationState(
            index: index, version: version, issuedAt: issuedAt, staleAfter: revocationPolicy.staleAfter, whenStale: revocationPolicy.whenStale)
        logger.notice(
            "revocation list prepared",
            metadata: [
                "revocation.version": "\(version)", "revocation.entries": "\(index.count)", "revocation.index_bytes": "\(index.residentBytes)",
                "revocation.seconds": "\((ContinuousClock.now - started).components.seconds)",
            ])
        return { [self] in
            self.state.withLock { $0.trust.revocation = state }
        }
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
            // The synced signers beside the operator's files, whose other formats' material stays.
            next.trust = operatorTrust.merging(TrustStore(synced))
            next.trust.revocation = base.trust.revocation
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
