import Foundation
import Logging
import Metrics
import QRGateCore
import QRGateImaging
import QRGateReceipts
import QRGateStore

/// What one scan led to.
public enum CheckInOutcome: Sendable {
    /// Recorded (committed) with this decision and receipt.
    case recorded(StoredCheckIn, receipt: String?)
    /// Not recorded: the store refused (quota, disk); the citizen is told to ask staff.
    case notRecorded(Decision, reason: String)
}

/// scan → verify → policy → one durable transaction → only then the decision is announced
/// and the receipt issued. Nothing is acknowledged before its commit returned.
public struct CheckInPipeline: Sendable {
    /// The gate's configuration.
    public var configuration: GatewayConfiguration
    /// Verification of what was presented.
    public var assessor: CredentialAssessor
    /// Admission rules.
    public var policy: AdmissionPolicy
    /// The store.
    public var store: CheckInStore
    /// The gate's receipt key.
    public var keys: GateKeys
    /// Time.
    public var clock: any GateClock
    /// The log.
    public var logger: Logger
    /// Where decisions are announced (the kiosk screen, the log).
    public var announce: @Sendable (CheckInOutcome) -> Void
    /// The current trust store (reloaded when the central sync installs a new list); nil = the assessor's own.
    public var trustSource: TrustStoreSource?
    /// Whether the trust list is too old to rely on at a given time.
    public var trustListStale: @Sendable (Date) -> Bool = { _ in false }

    /// Creates the pipeline.
    public init(
        configuration: GatewayConfiguration, assessor: CredentialAssessor, policy: AdmissionPolicy, store: CheckInStore,
        keys: GateKeys, clock: any GateClock, logger: Logger, announce: @escaping @Sendable (CheckInOutcome) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.assessor = assessor
        self.policy = policy
        self.store = store
        self.keys = keys
        self.clock = clock
        self.logger = logger
        self.announce = announce
    }

    /// Processes the codes of one scan.
    /// `declaration` is one made on the kiosk screen with this scan (a `QRD1:` token among the
    /// texts takes precedence).
    public func process(_ texts: [String], origin: String, declaration: HealthDeclaration? = nil) async -> CheckInOutcome {
        let started = ContinuousClock.now
        defer {
            let (seconds, attoseconds) = (ContinuousClock.now - started).components
            Timer(label: "qrgate_scan_duration_seconds").recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
        let now = clock.wallTime()
        var assessor = self.assessor
        if let trustSource { assessor.trust = trustSource.current() }
        let assessment = assessor.assess(texts, at: now)
        let policyDirection: DirectionPolicy
        switch configuration.gate.mode {
        case .entry: policyDirection = .fixed(.entry)
        case .exit: policyDirection = .fixed(.exit)
        case .auto: policyDirection = .auto
        }
        var evidence = assessment.evidence
        if evidence.declaration == nil { evidence.declaration = declaration }
        evidence.trustListStale = trustListStale(now)
        // A receipt is spent by its own person only: one that names someone else never reaches
        // the store (the policy refuses it), an anonymous one proves nothing and is ignored.
        let presented = evidence.receipt.flatMap { $0.isBound && $0.bindsPresenter != false ? $0 : nil }
        let entryReceipt = presented.flatMap { $0.direction == .entry && $0.decision == .admit ? $0 : nil }

        // The decision depends on the direction (auto mode resolves it in the store) and on what
        // only the recording transaction knows; decide a draft for the likely direction here, and
        // for real inside the transaction.
        let assumed: Direction = if case .fixed(let d) = policyDirection { d } else { .entry }
        var (decision, flags) = policy.decide(evidence, direction: assumed, now: now, ruleSetVersion: assessment.ruleSetVersion)
        if clock.isImplausible(now) { flags.insert(.clockBeforeBuildDate) }
        let draft = CheckInDraft(
            id: UUIDv7.make(at: now),
            gate: configuration.gate.id,
            site: configuration.gate.site,
            direction: assumed,
            subject: assessment.subject,
            subjectKey: assessment.subjectKey,
            credential: assessment.credential,
            declaration: evidence.declaration,
            decision: decision,
            wallTime: now,
            bootNanoseconds: clock.bootNanoseconds(),
            clockSynced: clock.isSynchronised(),
            flags: flags,
            receiptCheckInID: presented?.checkInID,
            receiptEntryID: entryReceipt?.checkInID
        )
        let stored: StoredCheckIn
        let (frozenEvidence, policy, ruleSetVersion) = (evidence, self.policy, assessment.ruleSetVersion)
        do {
            stored = try await store.record(draft, direction: policyDirection, decide: { direction, facts in
                policy.decide(frozenEvidence, direction: direction, now: now, facts: facts, ruleSetVersion: ruleSetVersion)
            })
        } catch {
            logger.error("check-in not recorded", metadata: ["store.error": .string(error.code.description), "scan.origin": .string(origin)])
            // Below the page quota yet full: the disk itself is full. Free the ballast so that
            // forwarding, purging and compaction can write (SQLite needs its WAL even to delete).
            if error.code == .quotaReached, let usage = try? store.database.pageUsage(), usage.used < usage.limit * 9 / 10,
                store.database.releaseBallast()
            {
                logger.critical("disk full: released the ballast file to keep the way out open; free disk space", metadata: ["store.path": .string(store.database.path)])
            }
            decision = Decision(outcome: .refuse, reasons: [.storageFull])
            Counter(label: "qrgate_decisions_total", dimensions: [("decision", decision.outcome.rawValue)]).increment()
            let outcome = CheckInOutcome.notRecorded(decision, reason: error.reason)
            announce(outcome)
            return outcome
        }
        var receipt: String?
        do {
            let claims = ReceiptClaims(
                checkInID: stored.id, site: stored.site, gate: stored.gate, direction: stored.direction, decision: stored.decision.outcome,
                issuedAt: now, validUntil: now.addingTimeInterval(Double(configuration.receipts.validityHours) * 3600),
                subjectBindings: stored.subject.map(assessor.personalKeys.receiptBindings) ?? [])
            receipt = try ReceiptToken.issue(claims, key: keys.signingKey)
        } catch {
            logger.error("receipt could not be signed", metadata: ["error": .string("\(error)")])
        }
        logger.info(
            "check-in recorded",
            metadata: [
                "checkin.id": .string(stored.id), "checkin.direction": .string(stored.direction.rawValue),
                "checkin.decision": .string(stored.decision.outcome.rawValue),
                "checkin.reasons": .array(stored.decision.reasons.map { .string($0.code) }),
                "checkin.flags": .array(stored.flags.map { .string($0.rawValue) }), "scan.origin": .string(origin),
            ])
        if !assessment.problems.isEmpty {
            logger.notice("scan had unusable codes", metadata: ["scan.problems": .array(assessment.problems.map { .string($0) })])
        }
        Counter(label: "qrgate_decisions_total", dimensions: [("decision", stored.decision.outcome.rawValue)]).increment()
        let outcome = CheckInOutcome.recorded(stored, receipt: receipt)
        announce(outcome)
        if let receipt { deliver(receipt: receipt, for: stored) }
        return outcome
    }

    /// Writes the receipt image and prints it; failures are logged and never touch the check-in.
    func deliver(receipt: String, for stored: StoredCheckIn) {
        guard let matrix = try? QRCodeEncoder().encode(receipt) else { return }
        if !configuration.receipts.directory.isEmpty {
            let folder = configuration.statePath(configuration.receipts.directory)
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                // A receipt names a decision about a person: private to the gate, like kept scans.
                let written = FileManager.default.createFile(
                    atPath: folder + "/" + stored.id + ".png", contents: Data(try PNGRenderer(scale: 6).render(matrix)), attributes: [.posixPermissions: 0o600])
                if !written { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder]) }
            } catch {
                logger.warning("receipt image not written", metadata: ["error": .string("\(error)")])
            }
        }
        if let target = PrinterTarget(configuration.receipts.printer) {
            let paper = ESCPOSRenderer.Paper(rawValue: configuration.receipts.paper) ?? .mm58
            let time = ISO8601Timestamp.format(Date(timeIntervalSince1970: Double(stored.recordedAtMilliseconds) / 1000))
            let verdict = stored.decision.outcome == .admit ? "DUOC PHEP / ADMITTED" : stored.decision.outcome == .refer ? "GAP NHAN VIEN Y TE / SEE STAFF" : "KHONG DUOC PHEP / REFUSED"
            let bytes = ESCPOSRenderer(paper: paper).render(matrix, lines: [time, "\(stored.site) / \(stored.gate)", stored.direction == .entry ? "VAO / ENTRY" : "RA / EXIT", verdict])
            do {
                try ReceiptPrinter(target: target).send(bytes)
            } catch {
                logger.warning("receipt not printed; the check-in is recorded", metadata: ["printer.error": .string(error.reason)])
            }
        }
    }
}
