import Foundation
import QRGateCore

/// The outcome of a country's business rules on one certificate.
public struct RuleOutcome: Sendable, Hashable {
    /// Whether a rule set was available and evaluated.
    public var evaluated: Bool
    /// Ids of the rules that failed (or could not be evaluated).
    public var failedRuleIDs: [String]
    /// Version of the rule set used, recorded with the decision.
    public var version: String?

    /// Creates an outcome.
    public init(evaluated: Bool, failedRuleIDs: [String], version: String?) {
        self.evaluated = evaluated
        self.failedRuleIDs = failedRuleIDs
        self.version = version
    }

    /// No rule set was available.
    public static let unavailable = RuleOutcome(evaluated: false, failedRuleIDs: [], version: nil)
}

/// Evaluates the acceptance rules of a country on a DCC payload.
public protocol RuleEvaluating: Sendable {
    /// The rules of `country` applied to `payload` (a DCC as JSON) at `now`.
    func evaluate(payload: JSONValue, country: String, at now: Date) -> RuleOutcome
}
