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
        /// Rules written for this certificate's type that applied (valid now). Zero means the rule
        /// set does not govern the type, and the certificate is refused (fail closed).
        public var applicableTypeRules: Int

        /// Creates the evidence.
        public init(
            verified: Bool, failedChecks: [String], summary: CredentialSummary, holder: Subject, failedRules: [String], rulesEvaluated: Bool,
            applicableTypeRules: Int
        ) {
            self.verified = verified
            self.failedChecks = failedChecks
            self.summary = summary
            self.holder = holder
            self.failedRules = failedRules
            self.rulesEvaluated = rulesEvaluated
            self.applicableTypeRules = applicableTypeRules
        }
    }

    /// A verified receipt of this site presented with the scan.
    public struct Receipt: Sendable, Hashable {
        /// The check-in it was issued for.
        public var checkInID: String
        /// Direction of that check-in.
        public var direction: Direction
        /// Decision of that check-in.
        public var decision: Decision.Outcome
        /// Whether the receipt names the person who presents it: true when one of the presented
        /// identities matches its binding, false when identities were presented and none
        /// matches, nil when no identity was presented with it.
        public var bindsPresenter: Bool?
        /// Whether the receipt carries an identity binding at all (an anonymous check-in's does not).
        public var isBound: Bool

        /// Creates the receipt evidence.
        public init(checkInID: String, direction: Direction, decision: Decision.Outcome, bindsPresenter: Bool?, isBound: Bool) {
            self.checkInID = checkInID
            self.direction = direction
            self.decision = decision
            self.bindsPresenter = bindsPresenter
            self.isBound = isBound
        }
    }

    /// The certificate, if one was presented.
    public var certificate: Certificate?
    /// The unsigned identity, if one was presented: the citizen-ID card's, else the national
    /// personal QR's (its ID number nil when masked). Unsigned: anyone can print one.
    public var citizenID: Subject?
    /// The health declaration, if one was presented or made on the screen.
    public var declaration: HealthDeclaration?
    /// For a declaration token: whether the person it names is the person presenting (nil when the
    /// presenter showed no identity or the token names nobody). Kiosk declarations are made on
    /// the spot by the presenter and need no match.
    public var declarationNamesPresenter: Bool?
    /// Mismatched fields when both an ID card and a certificate were presented and differ.
    public var identityMismatch: [String]?
    /// A verified receipt of this site, if one was presented. It never admits by itself.
    public var receipt: Receipt?
    /// The trust list is older than allowed: no certificate can be relied on.
    public var trustListStale = false

    /// Creates evidence.
    public init(
        certificate: Certificate? = nil, citizenID: Subject? = nil, declaration: HealthDeclaration? = nil, identityMismatch: [String]? = nil,
        receipt: Receipt? = nil
    ) {
        self.certificate = certificate
        self.citizenID = citizenID
        self.declaration = declaration
        self.identityMismatch = identityMismatch
        self.receipt = receipt
    }

    /// The identities presented that name a person: the ID card's and the certificate holder's.
    public var identities: [Subject] {
        [citizenID, certificate?.holder].compactMap { $0 }.filter { !$0.isAnonymous }
    }

    /// Whether an identity credential names the presenter.
    public var hasIdentity: Bool { !identities.isEmpty }

    /// Whether a signed credential (a certificate that verified) names the presenter.
    public var hasVerifiedIdentity: Bool {
        guard let certificate, certificate.verified else { return false }
        return !certificate.holder.isAnonymous
    }

    /// True when nothing usable for a decision was presented (a receipt alone is not usable).
    public var isEmpty: Bool { certificate == nil && citizenID == nil && declaration == nil }
}

/// What the store knows at the moment of recording, inside the transaction that records.
public struct RecordingFacts: Sendable, Hashable {
    /// Whether the person has an entry at this site that no exit has closed.
    public var hasOpenEntry: Bool
    /// Hours since the person's last exit at this site, when their latest check-in there is an exit.
    public var hoursOutside: Double?
    /// Whether the presented receipt was already used in this direction (or, at an exit, its
    /// entry is already closed).
    public var receiptAlreadyUsed: Bool

    /// Creates the facts.
    public init(hasOpenEntry: Bool = false, hoursOutside: Double? = nil, receiptAlreadyUsed: Bool = false) {
        self.hasOpenEntry = hasOpenEntry
        self.hoursOutside = hoursOutside
        self.receiptAlreadyUsed = receiptAlreadyUsed
    }
}

/// The gate's admission rules for one site: what entry requires, and the quarantine-facility
/// mode. Exits are recorded and admitted, except that quarantine residents need a permit and an
/// identity, and a receipt is never a ticket.
public struct AdmissionPolicy: Sendable, Hashable {
    /// A listed resident of a quarantine facility.
    public struct Resident: Sendable, Hashable {
        /// Citizen-ID number.
        public var idNumber: String
        /// Exit permitted until this time, if a permit was issued.
        public var permitUntil: Date?
        /// Full name, to recognise the resident by a certificate (name and birth date).
        public var fullName: String?
        /// Birth date `YYYY-MM-DD`, with the name.
        public var birthDate: String?

        /// Creates a resident.
        public init(idNumber: String, permitUntil: Date? = nil, fullName: String? = nil, birthDate: String? = nil) {
            self.idNumber = idNumber
            self.permitUntil = permitUntil
            self.fullName = fullName
            self.birthDate = birthDate
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

    /// The resident the evidence names, and whether a signed credential named them: by ID number
    /// (citizen-ID card or personal QR), else by a certificate's name and birth date, else by the
    /// unsigned identity's name and birth date (a personal QR whose ID number is masked).
    public func resident(in evidence: PresentedEvidence) -> (resident: Resident, verified: Bool)? {
        if let id = evidence.citizenID?.idNumber, let resident = residents[id] { return (resident, false) }
        if let holder = evidence.certificate?.holder, let match = resident(named: holder) {
            return (match, evidence.certificate?.verified == true)
        }
        if let identity = evidence.citizenID, identity.idNumber == nil, let match = resident(named: identity) {
            return (match, false)
        }
        return nil
    }

    /// The resident with the same folded name and the same birth date as `person`.
    func resident(named person: Subject) -> Resident? {
        guard let name = person.fullName, let birth = person.birthDate else { return nil }
        let folded = NameFolding.fold(name)
        return residents.values.first { r in
            r.birthDate == birth && r.fullName.map(NameFolding.fold) == folded
        }
    }

    /// Decides one scan for `direction`, with what the store knows at recording time.
    public func decide(
        _ evidence: PresentedEvidence,
        direction: Direction,
        now: Date,
        facts: RecordingFacts = RecordingFacts(),
        ruleSetVersion: String? = nil
    ) -> (decision: Decision, flags: Set<CheckInDraft.Flag>) {
        var flags: Set<CheckInDraft.Flag> = []
        if evidence.identityMismatch != nil { flags.insert(.identityMismatch) }
        if evidence.citizenID != nil && !evidence.hasVerifiedIdentity { flags.insert(.unsignedIdentity) }
        let recognised = resident(in: evidence)
        func decision(_ outcome: Decision.Outcome, _ reasons: [DecisionReason]) -> (decision: Decision, flags: Set<CheckInDraft.Flag>) {
            (Decision(outcome: outcome, reasons: reasons, ruleSetVersion: ruleSetVersion), flags)
        }

        // A receipt is never a ticket: spent once per direction, and only by its own person.
        if let receipt = evidence.receipt {
            if receipt.bindsPresenter == false { return decision(.refuse, [.receiptOtherPerson]) }
            if facts.receiptAlreadyUsed { return decision(.refuse, [.receiptAlreadyUsed]) }
        }

        if direction == .exit {
            if isQuarantineFacility {
                guard evidence.hasIdentity else { return decision(.refuse, [.identityRequired]) }
                if let recognised {
                    guard let until = recognised.resident.permitUntil, until >= now else { return decision(.refuse, [.residentWithoutPermit]) }
                } else if !facts.hasOpenEntry {
                    // Not a resident and never came in: someone is leaving under another identity.
                    return decision(.refer, [.exitWithoutEntry])
                }
            }
            return decision(.admit, [.exitRecorded])
        }

        if evidence.isEmpty {
            return decision(.refuse, [evidence.receipt != nil ? .receiptIsNotATicket : .nothingRecognised])
        }
        var refusals: [DecisionReason] = []
        var referrals: [DecisionReason] = []
        var admissions: [DecisionReason] = []

        if let recognised {
            // A returning resident needs no certificate, but an identity anyone can print is
            // never enough to walk back in: staff compare the card.
            if recognised.verified { admissions.append(.residentReturned) } else { referrals.append(.unsignedIdentity) }
            if let hours = facts.hoursOutside, hours > Double(maxHoursOutside) {
                flags.insert(.overdueReturn)
                admissions.append(.residentOverdue(hours: maxHoursOutside))
            }
        } else if requireCertificate {
            if let certificate = evidence.certificate {
                if evidence.trustListStale {
                    refusals.append(.trustListStale)
                } else if certificate.failedChecks.contains("revocation: revoked") {
                    refusals.append(.certificateRevoked)
                } else if certificate.failedChecks.contains("revocation: revocation_list_stale") {
                    refusals.append(.revocationListStale)
                } else if !certificate.verified {
                    refusals.append(.certificateInvalid(certificate.failedChecks.joined(separator: ", ")))
                } else if !certificate.rulesEvaluated {
                    refusals.append(.rulesUnavailable)
                } else if certificate.applicableTypeRules == 0 {
                    refusals.append(.noApplicableRules(certificate.summary.kind.rawValue))
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
                if declaration.source == .token && evidence.declarationNamesPresenter != true {
                    referrals.append(.declarationOtherPerson)
                }
                if !declaration.symptoms.isEmpty { referrals.append(.symptomsDeclared) }
                if declaration.contactWithConfirmedCase { referrals.append(.exposureDeclared) }
            }
        } else if requireDeclaration {
            refusals.append(.declarationMissing)
        }

        if !refusals.isEmpty { return decision(.refuse, refusals + referrals) }
        if !referrals.isEmpty { return decision(.refer, referrals) }
        return decision(.admit, admissions)
    }
}
