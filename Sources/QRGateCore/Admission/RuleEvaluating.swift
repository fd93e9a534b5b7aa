import Foundation

/// The outcome of a country's business rules on one certificate.
public struct RuleOutcome: Sendable, Hashable {
    /// Whether a rule set was available and evaluated.
    public var evaluated: Bool
    /// Ids of the rules that failed (or could not be evaluated).
    public var failedRuleIDs: [String]
    /// Version of the rule set used, recorded with the decision.
    public var version: String?
    /// Rules written for the certificate's own type that were valid and applied; zero means the
    /// rule set does not govern this type (expired rules, a synced set that lacks it): refuse.
    public var applicableTypeRules: Int

    /// Creates an outcome.
    public init(evaluated: Bool, failedRuleIDs: [String], version: String?, applicableTypeRules: Int) {
        self.evaluated = evaluated
        self.failedRuleIDs = failedRuleIDs
        self.version = version
        self.applicableTypeRules = applicableTypeRules
    }

    /// No rule set was available.
    public static let unavailable = RuleOutcome(evaluated: false, failedRuleIDs: [], version: nil, applicableTypeRules: 0)
}

/// Evaluates the acceptance rules of a country on a DCC payload.
public protocol RuleEvaluating: Sendable {
    /// The rules of `country` applied to `payload` (a DCC as JSON, with its CWT `iat`/`exp`) at `now`.
    func evaluate(payload: JSONValue, issuedAt: Date?, expiresAt: Date?, country: String, at now: Date) -> RuleOutcome
}

/// The country rules from a folder of Gateway-format rule files, evaluated with CertLogic.
public struct CertLogicRuleEvaluator: RuleEvaluating {
    /// The compiled rule set.
    public let ruleSet: CountryRuleSet

    /// Wraps a compiled rule set.
    public init(ruleSet: CountryRuleSet) {
        self.ruleSet = ruleSet
    }

    /// Compiles the rules of `country` among `documents` (Gateway-format rule JSON) against
    /// `valueSets` (`{valueSetId: [codes]}`). Nil when none of the documents is a rule of that country.
    public static func compile(
        country: String, documents: [(source: String, json: JSONValue)], valueSets: JSONValue
    ) throws(CountryRuleSet.LoadError) -> CertLogicRuleEvaluator? {
        let ruleSet = try CountryRuleSet(country: country, documents: documents, valueSets: valueSets)
        return ruleSet.rules.isEmpty ? nil : CertLogicRuleEvaluator(ruleSet: ruleSet)
    }

    public func evaluate(payload: JSONValue, issuedAt: Date?, expiresAt: Date?, country: String, at now: Date) -> RuleOutcome {
        guard country == ruleSet.country else { return .unavailable }
        let (_, typeSpecific, failed) = ruleSet.failedRules(payload: payload, issuedAt: issuedAt, expiresAt: expiresAt, at: now)
        return RuleOutcome(evaluated: true, failedRuleIDs: failed, version: ruleSet.version, applicableTypeRules: typeSpecific)
    }
}
