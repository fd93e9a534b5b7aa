import Foundation

/// What was presented at one scan, already decoded and verified.
public struct PresentedEvidence: Sendable {
    /// The outcome of verifying a certificate (EU DCC) and evaluating the site's rules on it.
    public struct Certificate: Sendable {
        /// Every verification check passed (signature, key usage, validity, schema).
        public var verified: Bool
        /// Codes of the checks that failed, for the reason text.
        public var failedChecks: [String]
        /// What it certifies.
        public var summary: CredentialSummary
        /// Family name (transliterated `fnt`) and given name (`gnt`) and birth date, for the identity check.
        public var holder: Subject
        /// Ids of the country rules that failed; empty when all passed.
        public var failedRules: [String]
        /// Whether a rule set was available to evaluate.
        public var rulesEvaluated: Bool

        /// Creates the evidence.
        public init(verified: Bool, failedChecks: [String], summary: CredentialSummary, holder: Subject, failedRules: [String], rulesEvaluated: Bool) {
            self.verified = verified
            self.failedChecks = failedChecks
            self.summary = summary
            self.holder = holder
            self.failedRules = failedRules
            self.rulesEvaluated = rulesEvaluated
        }
    }

    /// The certificate, if one was presented.
    public var certificate: Certificate?
    /// The citizen-ID card, if one was presented.
    public var citizenID: Subject?
    /// The health declaration, if one was presented or made on the screen.
    public var declaration: HealthDeclaration?
    /// Mismatched fields when both an ID card and a certificate were presented and differ.
    public var identityMismatch: [String]?
    /// A verified receipt of an admitted entry at another gate of this site, still valid: the
    /// re-entry fast path (the certificate was checked there).
    public var admittedReceipt = false
    /// The trust list is older than allowed: no certificate can be relied on.
    public var trustListStale = false

    /// Creates evidence.
    public init(certificate: Certificate? = nil, citizenID: Subject? = nil, declaration: HealthDeclaration? = nil, identityMismatch: [String]? = nil) {
        self.certificate = certificate
        self.citizenID = citizenID
        self.declaration = declaration
        self.identityMismatch = identityMismatch
    }

    /// True when nothing usable was presented.
    public var isEmpty: Bool { certificate == nil && citizenID == nil && declaration == nil && !admittedReceipt }
}

/// The gate's admission rules for one site: what entry requires, and the quarantine-facility
/// mode. Exits are always recorded and never refused, except that quarantine residents need a permit.
public struct AdmissionPolicy: Sendable, Hashable {
    /// A listed resident of a quarantine facility.
    public struct Resident: Sendable, Hashable {
        /// Citizen-ID number.
        public var idNumber: String
        /// Exit permitted until this time, if a permit was issued.
        public var permitUntil: Date?

        /// Creates a resident.
        public init(idNumber: String, permitUntil: Date? = nil) {
            self.idNumber = idNumber
            self.permitUntil = permitUntil
        }
    }

    /// Entry needs a certificate that verifies and meets the country rules.
    public var requireCertificate = true
    /// Entry needs a health declaration.
    public var requireDeclaration = false
    /// Oldest acceptable declaration, in hours.
    public var declarationMaxAgeHours = 24
    /// Quarantine-facility mode: residents by ID number.
    public var residents: [String: Resident] = [:]
    /// In quarantine mode, hours a resident may stay out before being flagged.
    public var maxHoursOutside = 4

    /// The default policy: a valid certificate for entry, declarations optional.
    public init() {}

    /// Whether quarantine-facility mode is on.
    public var isQuarantineFacility: Bool { !residents.isEmpty }

    /// Decides one scan. `hoursOutside` is how long a returning resident was out (from the store).
    public func decide(
        _ evidence: PresentedEvidence,
        direction: Direction,
        now: Date,
        hoursOutside: Double? = nil,
        ruleSetVersion: String? = nil
    ) -> (decision: Decision, flags: Set<CheckInDraft.Flag>) {
        var flags: Set<CheckInDraft.Flag> = []
        if evidence.identityMismatch != nil { flags.insert(.identityMismatch) }
        let resident = (evidence.citizenID?.idNumber ?? evidence.certificate?.holder.idNumber).flatMap { residents[$0] }

        if direction == .exit {
            if let resident {
                guard let until = resident.permitUntil, until >= now else {
                    return (Decision(outcome: .refuse, reasons: [.residentWithoutPermit], ruleSetVersion: ruleSetVersion), flags)
                }
            }
            return (Decision(outcome: .admit, reasons: [.exitRecorded], ruleSetVersion: ruleSetVersion), flags)
        }

        if evidence.isEmpty {
            return (Decision(outcome: .refuse, reasons: [.nothingRecognised], ruleSetVersion: ruleSetVersion), flags)
        }
        var refusals: [DecisionReason] = []
        var referrals: [DecisionReason] = []
        var admissions: [DecisionReason] = []

        if resident != nil, let hoursOutside, hoursOutside > Double(maxHoursOutside) {
            flags.insert(.overdueReturn)
            admissions.append(.residentOverdue(hours: maxHoursOutside))
        }
        if requireCertificate && resident == nil {
            if evidence.certificate == nil && evidence.admittedReceipt {
                admissions.append(.receiptAccepted)
            } else if let certificate = evidence.certificate {
                if evidence.trustListStale {
                    refusals.append(.trustListStale)
                } else if !certificate.verified {
                    refusals.append(.certificateInvalid(certificate.failedChecks.joined(separator: ", ")))
                } else if !certificate.rulesEvaluated {
                    refusals.append(.rulesUnavailable)
                } else if !certificate.failedRules.isEmpty {
                    refusals.append(.rulesNotMet(certificate.failedRules))
                } else {
                    admissions.append(.certificateAccepted)
                }
            } else {
                refusals.append(.certificateMissing)
            }
        }
        if let mismatch = evidence.identityMismatch {
            refusals.append(.identityMismatch(mismatch))
        }
        if let declaration = evidence.declaration {
            let ageHours = (now.timeIntervalSince1970 - declaration.submittedAt) / 3600
            if ageHours > Double(declarationMaxAgeHours) {
                refusals.append(.declarationStale(hours: declarationMaxAgeHours))
            } else {
                if !declaration.symptoms.isEmpty { referrals.append(.symptomsDeclared) }
                if declaration.contactWithConfirmedCase { referrals.append(.exposureDeclared) }
            }
        } else if requireDeclaration {
            refusals.append(.declarationMissing)
        }

        if !refusals.isEmpty {
            return (Decision(outcome: .refuse, reasons: refusals + referrals, ruleSetVersion: ruleSetVersion), flags)
        }
        if !referrals.isEmpty {
            return (Decision(outcome: .refer, reasons: referrals, ruleSetVersion: ruleSetVersion), flags)
        }
        return (Decision(outcome: .admit, reasons: admissions, ruleSetVersion: ruleSetVersion), flags)
    }
}
