/// The gate's answer to one scan.
public struct Decision: Sendable, Hashable {
    /// What the citizen is told.
    public enum Outcome: String, Sendable, Hashable, CaseIterable, Codable {
        /// Let through.
        case admit
        /// Not let through.
        case refuse
        /// Sent to medical staff (symptoms or exposure declared).
        case refer
    }

    /// The outcome.
    public var outcome: Outcome
    /// Why, in the order the kiosk shows them.
    public var reasons: [DecisionReason]
    /// Version of the rule set that decided, when rules were evaluated.
    public var ruleSetVersion: String?

    /// Creates a decision.
    public init(outcome: Outcome, reasons: [DecisionReason] = [], ruleSetVersion: String? = nil) {
        self.outcome = outcome
        self.reasons = reasons
        self.ruleSetVersion = ruleSetVersion
    }
}

/// One reason for a decision: a stable code plus the text the kiosk shows in Vietnamese and English.
public struct DecisionReason: Sendable, Hashable, Codable {
    /// Stable machine code, e.g. `certificate_expired`.
    public var code: String
    /// English text.
    public var english: String
    /// Vietnamese text.
    public var vietnamese: String

    /// Creates a reason.
    public init(code: String, english: String, vietnamese: String) {
        self.code = code
        self.english = english
        self.vietnamese = vietnamese
    }
}
