import Foundation
import Logging
import Metrics
import QRGateCore
import QRGateStore

/// assessment → one durable transaction that decides → only then the decision is announced and
/// the receipt issued. Nothing is acknowledged before its commit returned.
///
/// Reached through ``ScanIntake`` only (camera, folder, line scanner and kiosk upload alike).
public struct CheckInPipeline: Sendable {
    /// What the pipeline needs of the gate's configuration.
    public var configuration: CheckInConfiguration
    /// Verification of what was presented (its trust store and rules are replaced by the
    /// current snapshot of `verification` on every scan when one is set).
    public var assessor: CredentialAssessor
    /// Admission rules.
    public var policy: AdmissionPolicy
    /// The store.
    public var store: CheckInStore
    /// The gate's receipt key.
    public var keys: GateKeys
    /// Time.
    public var clock: any GateClock
    /// Check-in ids (UUIDv7 at the scan's wall time).
    public var makeID: @Sendable (Date) -> String = { UUIDv7.make(at: $0) }
    /// The log.
    public var logger: Logger
    /// Where decisions are announced (the log subscriber, the kiosk screen).
    public var outcomes = CheckInOutcomes()
    /// Where receipts go after the commit (image folder, printer); nil = nowhere.
    public var receipts: ReceiptDelivery?
    /// The verified snapshot published by the central sync; nil = the assessor's own data.
    public var verification: VerificationData?
    /// Whether the trust list is too old to rely on at a given time.
    public var trustListStale: @Sendable (Date) -> Bool = { _ in false }

    /// Creates the pipeline.
    public init(
        configuration: CheckInConfiguration, assessor: CredentialAssessor, policy: AdmissionPolicy, store: CheckInStore,
        keys: GateKeys, clock: any GateClock, logger: Logger
    ) {
        self.configuration = configuration
        self.assessor = assessor
        self.policy = policy
        self.store = store
        self.keys = keys
        self.clock = clock
        self.logger = logger
    }

    /// The assessor with the current verified snapshot's trust store and rules, when one is published.
    var currentAssessor: CredentialAssessor {
        var assessor = self.assessor
        if let snapshot = verification?.current {
            assessor.trust = snapshot.trust
            assessor.rules = snapshot.rules
        }
        return assessor
    }

    /// Processes the codes of one scan.
    /// `declaration` is one made on the kiosk screen with this scan (a `QRD1:` token among the
    /// texts takes precedence).
    func process(_ texts: [String], origin: String, declaration: HealthDeclaration? = nil) async -> CheckInOutcome {
        let started = ContinuousClock.now
        defer {
            let (seconds, attoseconds) = (ContinuousClock.now - started).components
            Timer(label: "qrgate_scan_duration_seconds").recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
        let now = clock.wallTime()
        let assessor = currentAssessor
        let assessment = assessor.assess(texts, at: now)
        var evidence = assessment.evidence
        if evidence.declaration == nil { evidence.declaration = declaration }
        evidence.trustListStale = trustListStale(now)
        // A receipt is spent by its own person only: one that names someone else never reaches
        // the store (the policy refuses it), an anonymous one proves nothing and is ignored.
        let presented = evidence.receipt.flatMap { $0.isBound && $0.bindsPresenter != false ? $0 : nil }
        let entryReceipt = presented.flatMap { $0.direction == .entry && $0.decision == .admit ? $0 : nil }

        // The direction (auto mode) and the facts the decision needs are known only inside the
        // recording transaction: the store decides there; the draft carries placeholders.
        let direction = configuration.direction
        let placeholder: Direction = if case .fixed(let fixed) = direction { fixed } else { .entry }
        let draft = CheckInDraft(
            id: makeID(now),
            gate: configuration.gate,
            site: configuration.site,
            direction: placeholder,
            subject: assessment.subject,
            subjectKey: assessment.subjectKey,
            credential: assessment.credential,
            declaration: evidence.declaration,
            decision: Decision(outcome: .refuse, reasons: []),
            wallTime: now,
            bootNanoseconds: clock.bootNanoseconds(),
            clockSynced: clock.isSynchronised(),
            flags: clock.isImplausible(now) ? [.clockBeforeBuildDate] : [],
            receiptCheckInID: presented?.checkInID,
            receiptEntryID: entryReceipt?.checkInID
        )
        let stored: StoredCheckIn
        let (frozenEvidence, policy, ruleSetVersion) = (evidence, self.policy, assessment.ruleSetVersion)
        do {
            stored = try await store.record(
                draft, direction: direction, hoursOutside: policy.isQuarantineFacility,
                decide: { direction, facts in
                    policy.decide(frozenEvidence, direction: direction, now: now, facts: facts, ruleSetVersion: ruleSetVersion)
                })
        } catch {
            let decision = Decision(outcome: .refuse, reasons: [.storageFull])
            Counter(label: "qrgate_decisions_total", dimensions: [("decision", decision.outcome.rawValue)]).increment()
            let outcome = CheckInOutcome.notRecorded(decision, reason: error.message)
            outcomes.publish(AnnouncedOutcome(outcome: outcome, origin: origin, problems: assessment.problems, storeError: error.code.description))
            return outcome
        }
        var receipt: String?
        do {
            let claims = ReceiptClaims(
                checkInID: stored.id, site: stored.site, gate: stored.gate, direction: stored.direction, decision: stored.decision.outcome,
                issuedAt: now, validUntil: now.addingTimeInterval(Double(configuration.receiptValidityHours) * 3600),
                subjectBindings: stored.subject.map(assessor.personalKeys.receiptBindings) ?? [])
            receipt = try ReceiptToken.issue(claims, key: keys.signingKey)
        } catch {
            logger.error("receipt could not be signed", metadata: ["error": .string("\(error)")])
        }
        Counter(label: "qrgate_decisions_total", dimensions: [("decision", stored.decision.outcome.rawValue)]).increment()
        let outcome = CheckInOutcome.recorded(stored, receipt: receipt)
        outcomes.publish(AnnouncedOutcome(outcome: outcome, origin: origin, problems: assessment.problems))
        if let receipt { receipts?.enqueue(receipt, for: stored) }
        return outcome
    }
}
