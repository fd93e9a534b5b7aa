/// Everything a scan is verified against, as one immutable value: the trusted signers, the
/// country's compiled rules and the value sets they were compiled with. A scan reads one
/// snapshot from start to end, so an update that lands mid-scan never mixes two versions.
public struct VerificationSnapshot: Sendable {
    /// Trusted DCC signers (the operator's files plus the synced trust list).
    public var trust: TrustStore
    /// The country's compiled rules; nil when no rule set is loaded.
    public var rules: CertLogicRuleEvaluator?
    /// The value sets the rules read, in the compressed form (`{valueSetId: [codes]}`).
    public var valueSets: JSONValue
    /// Where the value sets come from: `bundled` or `synced`.
    public var valueSetsOrigin: String

    /// Creates a snapshot.
    public init(
        trust: TrustStore, rules: CertLogicRuleEvaluator?,
        valueSets: JSONValue = ValueSets.bundled.compressed(), valueSetsOrigin: String = "bundled"
    ) {
        self.trust = trust
        self.rules = rules
        self.valueSets = valueSets
        self.valueSetsOrigin = valueSetsOrigin
    }

    /// The rule documents behind `rules` (recompiled when new value sets arrive).
    public var ruleDocuments: [(source: String, json: JSONValue)] { rules?.ruleSet.documents ?? [] }

    /// The versions a decision was made with, for logs and the status page.
    public var versions: String {
        "signers=\(trust.entries.count) rules=\(rules?.ruleSet.version ?? "none") value_sets=\(valueSetsOrigin)"
    }
}
