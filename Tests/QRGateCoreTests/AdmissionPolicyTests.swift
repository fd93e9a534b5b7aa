import Foundation
import QRGateCore
import Testing

@Suite struct AdmissionPolicyTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func certificate(verified: Bool = true, failedRules: [String] = [], rulesEvaluated: Bool = true) -> PresentedEvidence.Certificate {
        .init(
            verified: verified,
            failedChecks: verified ? [] : ["signature"],
            summary: CredentialSummary(kind: .vaccination, verified: verified),
            holder: Subject(fullName: "NGUYEN VAN AN", birthDate: "1990-01-15"),
            failedRules: failedRules,
            rulesEvaluated: rulesEvaluated
        )
    }

    func declaration(hoursAgo: Double, symptoms: Set<HealthDeclaration.Symptom> = [], contact: Bool = false) -> HealthDeclaration {
        HealthDeclaration(symptoms: symptoms, contactWithConfirmedCase: contact, submittedAt: now.timeIntervalSince1970 - hoursAgo * 3600, source: .kiosk)
    }

    @Test func validCertificateIsAdmittedWithTheRuleSetVersionRecorded() {
        let (decision, flags) = AdmissionPolicy().decide(.init(certificate: certificate()), direction: .entry, now: now, ruleSetVersion: "VN-3")
        #expect(decision.outcome == .admit)
        #expect(decision.reasons.map(\.code) == ["certificate_accepted"])
        #expect(decision.ruleSetVersion == "VN-3")
        #expect(flags.isEmpty)
    }

    @Test(arguments: [
        (PresentedEvidence(certificate: nil, citizenID: Subject(idNumber: "001090000001")), "certificate_missing"),
        (PresentedEvidence(), "nothing_recognised"),
    ])
    func entryWithoutCertificateIsRefused(evidence: PresentedEvidence, code: String) {
        let decision = AdmissionPolicy().decide(evidence, direction: .entry, now: now).decision
        #expect(decision.outcome == .refuse)
        #expect(decision.reasons.first?.code == code)
        #expect(decision.reasons.allSatisfy { !$0.vietnamese.isEmpty && !$0.english.isEmpty })
    }

    @Test func invalidCertificateFailedRulesAndMissingRulesAreRefusedWithReasons() {
        let policy = AdmissionPolicy()
        #expect(policy.decide(.init(certificate: certificate(verified: false)), direction: .entry, now: now).decision.reasons.first?.code == "certificate_invalid")
        let rules = policy.decide(.init(certificate: certificate(failedRules: ["VR-VN-0001"])), direction: .entry, now: now).decision
        #expect(rules.outcome == .refuse)
        #expect(rules.reasons.first?.english.contains("VR-VN-0001") == true)
        #expect(policy.decide(.init(certificate: certificate(rulesEvaluated: false)), direction: .entry, now: now).decision.reasons.first?.code == "rules_unavailable")
    }

    @Test func symptomsOrExposureReferToMedicalStaff() {
        let policy = AdmissionPolicy()
        let fever = policy.decide(.init(certificate: certificate(), declaration: declaration(hoursAgo: 1, symptoms: [.fever])), direction: .entry, now: now).decision
        #expect(fever.outcome == .refer)
        #expect(fever.reasons.map(\.code) == ["symptoms_declared"])
        let contact = policy.decide(.init(certificate: certificate(), declaration: declaration(hoursAgo: 1, contact: true)), direction: .entry, now: now).decision
        #expect(contact.outcome == .refer)
        let clean = policy.decide(.init(certificate: certificate(), declaration: declaration(hoursAgo: 1)), direction: .entry, now: now).decision
        #expect(clean.outcome == .admit)
    }

    @Test func staleOrMissingDeclarationIsRefusedWhenRequired() {
        var policy = AdmissionPolicy()
        policy.requireDeclaration = true
        policy.declarationMaxAgeHours = 12
        #expect(policy.decide(.init(certificate: certificate()), direction: .entry, now: now).decision.reasons.first?.code == "declaration_missing")
        let stale = policy.decide(.init(certificate: certificate(), declaration: declaration(hoursAgo: 13)), direction: .entry, now: now).decision
        #expect(stale.outcome == .refuse)
        #expect(stale.reasons.first?.code == "declaration_stale")
        #expect(policy.decide(.init(certificate: certificate(), declaration: declaration(hoursAgo: 11)), direction: .entry, now: now).decision.outcome == .admit)
    }

    @Test func identityMismatchIsRefusedAndFlaggedForStaff() {
        let evidence = PresentedEvidence(certificate: certificate(), citizenID: Subject(idNumber: "001090000001"), identityMismatch: ["dob"])
        let (decision, flags) = AdmissionPolicy().decide(evidence, direction: .entry, now: now)
        #expect(decision.outcome == .refuse)
        #expect(decision.reasons.contains { $0.code == "identity_mismatch" && $0.english.contains("dob") })
        #expect(flags.contains(.identityMismatch))
    }

    @Test func exitsAreAlwaysRecordedNeverRefused() {
        let decision = AdmissionPolicy().decide(.init(), direction: .exit, now: now).decision
        #expect(decision.outcome == .admit)
        #expect(decision.reasons.map(\.code) == ["exit_recorded"])
    }

    @Test func quarantineResidentsNeedAPermitToLeaveAndAreFlaggedWhenOverdue() {
        var policy = AdmissionPolicy()
        policy.residents = [
            "001090000001": .init(idNumber: "001090000001", permitUntil: now.addingTimeInterval(3600)),
            "001090000002": .init(idNumber: "001090000002", permitUntil: now.addingTimeInterval(-60)),
            "001090000003": .init(idNumber: "001090000003"),
        ]
        func exit(_ id: String) -> Decision.Outcome {
            policy.decide(.init(citizenID: Subject(idNumber: id)), direction: .exit, now: now).decision.outcome
        }
        #expect(exit("001090000001") == .admit)
        #expect(exit("001090000002") == .refuse)  // permit expired
        #expect(exit("001090000003") == .refuse)  // no permit
        #expect(exit("079090000009") == .admit)  // not a resident: exits are never refused

        let late = policy.decide(.init(citizenID: Subject(idNumber: "001090000001")), direction: .entry, now: now, hoursOutside: 6)
        #expect(late.decision.outcome == .admit)
        #expect(late.flags.contains(.overdueReturn))
        #expect(late.decision.reasons.map(\.code) == ["resident_overdue"])
    }
}
