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
            rulesEvaluated: rulesEvaluated,
            applicableTypeRules: 2
        )
    }

    func declaration(hoursAgo: Double, symptoms: Set<HealthDeclaration.Symptom> = [], contact: Bool = false) -> HealthDeclaration {
        HealthDeclaration(
            symptoms: symptoms, contactWithConfirmedCase: contact, submittedAt: now.timeIntervalSince1970 - hoursAgo * 3600, source: .kiosk)
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
        #expect(
            policy.decide(.init(certificate: certificate(verified: false)), direction: .entry, now: now).decision.reasons.first?.code
                == "certificate_invalid")
        let rules = policy.decide(.init(certificate: certificate(failedRules: ["VR-VN-0001"])), direction: .entry, now: now).decision
        #expect(rules.outcome == .refuse)
        #expect(rules.reasons.first?.english.contains("VR-VN-0001") == true)
        #expect(
            policy.decide(.init(certificate: certificate(rulesEvaluated: false)), direction: .entry, now: now).decision.reasons.first?.code
                == "rules_unavailable")
    }

    @Test func symptomsOrExposureReferToMedicalStaff() {
        let policy = AdmissionPolicy()
        let fever = policy.decide(
            .init(certificate: certificate(), declaration: declaration(hoursAgo: 1, symptoms: [.fever])), direction: .entry, now: now
        ).decision
        #expect(fever.outcome == .refer)
        #expect(fever.reasons.map(\.code) == ["symptoms_declared"])
        let contact = policy.decide(
            .init(certificate: certificate(), declaration: declaration(hoursAgo: 1, contact: true)), direction: .entry, now: now
        ).decision
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
        #expect(
            policy.decide(.init(certificate: certificate(), declaration: declaration(hoursAgo: 11)), direction: .entry, now: now).decision.outcome
                == .admit)
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
            "001090000001": .init(
                idNumber: "001090000001", permitUntil: now.addingTimeInterval(3600), fullName: "Nguyễn Văn An", birthDate: "1990-01-15"),
            "001090000002": .init(idNumber: "001090000002", permitUntil: now.addingTimeInterval(-60)),
            "001090000003": .init(idNumber: "001090000003"),
        ]
        func exit(_ id: String, inside: Bool = false) -> Decision.Outcome {
            policy.decide(.init(citizenID: Subject(idNumber: id, fullName: "X")), direction: .exit, now: now, facts: .init(hasOpenEntry: inside))
                .decision.outcome
        }
        #expect(exit("001090000001") == .admit)
        #expect(exit("001090000002") == .refuse)  // permit expired
        #expect(exit("001090000003") == .refuse)  // no permit
        #expect(exit("079090000009", inside: true) == .admit)  // a visitor who came in leaves
        #expect(exit("079090000009") == .refer)  // neither resident nor inside: staff check

        // Back by certificate (signed): admitted, flagged once the hours outside pass the limit.
        let back = PresentedEvidence(certificate: certificate())
        let onTime = policy.decide(back, direction: .entry, now: now, facts: .init(hoursOutside: 3.5))
        #expect(onTime.decision.reasons.map(\.code) == ["resident_returned"])
        #expect(!onTime.flags.contains(.overdueReturn))
        let late = policy.decide(back, direction: .entry, now: now, facts: .init(hoursOutside: 6))
        #expect(late.decision.outcome == .admit)
        #expect(late.flags.contains(.overdueReturn))
        #expect(late.decision.reasons.map(\.code) == ["resident_returned", "resident_overdue"])
        // Back with the card only: never admitted on a printable identity.
        let card = policy.decide(.init(citizenID: Subject(idNumber: "001090000001", fullName: "Nguyễn Văn An")), direction: .entry, now: now)
        #expect(card.decision.outcome == .refer)
        #expect(card.flags.contains(.unsignedIdentity))
    }

    @Test func aQuarantineExitWithoutAnyIdentityIsRefused() {
        var policy = AdmissionPolicy()
        policy.residents = ["001090000001": .init(idNumber: "001090000001", permitUntil: now.addingTimeInterval(3600))]
        let receiptOnly = PresentedEvidence(receipt: .init(checkInID: "r", direction: .entry, decision: .admit, bindsPresenter: nil, isBound: true))
        for evidence in [PresentedEvidence(), receiptOnly] {
            let decided = policy.decide(evidence, direction: .exit, now: now, facts: .init(hasOpenEntry: true))
            #expect(decided.decision.outcome == .refuse)
            #expect(decided.decision.reasons.map(\.code) == ["identity_required"])
        }
    }

    @Test func aReceiptNeverAdmitsAnEntryAndIsRefusedWhenSpentOrSomeoneElses() {
        let policy = AdmissionPolicy()
        func receipt(binds: Bool?) -> PresentedEvidence.Receipt {
            .init(checkInID: "r", direction: .entry, decision: .admit, bindsPresenter: binds, isBound: true)
        }
        let alone = policy.decide(.init(receipt: receipt(binds: nil)), direction: .entry, now: now).decision
        #expect(alone.outcome == .refuse)
        #expect(alone.reasons.map(\.code) == ["receipt_not_a_ticket"])
        let other = policy.decide(.init(certificate: certificate(), receipt: receipt(binds: false)), direction: .entry, now: now).decision
        #expect(other.reasons.map(\.code) == ["receipt_other_person"])
        let spent = policy.decide(.init(receipt: receipt(binds: nil)), direction: .exit, now: now, facts: .init(receiptAlreadyUsed: true)).decision
        #expect(spent.outcome == .refuse)
        #expect(spent.reasons.map(\.code) == ["receipt_already_used"])
        let exit = policy.decide(.init(receipt: receipt(binds: nil)), direction: .exit, now: now).decision
        #expect(exit.outcome == .admit)
    }

    @Test func zeroApplicableRulesRefusesInsteadOfAdmitting() {
        var none = certificate()
        none.applicableTypeRules = 0
        let decision = AdmissionPolicy().decide(.init(certificate: none), direction: .entry, now: now).decision
        #expect(decision.outcome == .refuse)
        #expect(decision.reasons.map(\.code) == ["no_applicable_rules"])
    }

    @Test func aDeclarationTokenMustNameThePresenter() {
        let token = HealthDeclaration(submittedAt: now.timeIntervalSince1970 - 60, source: .token)
        var evidence = PresentedEvidence(certificate: certificate(), declaration: token)
        for names in [false, nil] as [Bool?] {
            evidence.declarationNamesPresenter = names
            let decision = AdmissionPolicy().decide(evidence, direction: .entry, now: now).decision
            #expect(decision.outcome == .refer)
            #expect(decision.reasons.map(\.code) == ["declaration_other_person"])
        }
        evidence.declarationNamesPresenter = true
        #expect(AdmissionPolicy().decide(evidence, direction: .entry, now: now).decision.outcome == .admit)
    }

    @Test func anUnsignedCardIsFlaggedUnlessASignedCertificateNamesThePerson() {
        let card = Subject(idNumber: "001090000001", fullName: "Nguyễn Văn An", birthDate: "1990-01-15")
        #expect(AdmissionPolicy().decide(.init(citizenID: card), direction: .exit, now: now).flags.contains(.unsignedIdentity))
        #expect(
            !AdmissionPolicy().decide(.init(certificate: certificate(), citizenID: card), direction: .entry, now: now).flags.contains(
                .unsignedIdentity))
    }
}
