import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// The national personal QR as an identity in the check-in path: assessed like the citizen-ID
/// card (unsigned, cross-checked with a certificate, recognising quarantine residents).
@Suite struct PersonalQRAssessmentTests {
    static let personalQR = "001090012345|NGUYEN VAN AN|1990-01-15|0|163125478912345600|<1<HN4010112345678<0912345678"
    static let maskedQR = "******012345|NGUYEN VAN AN|1990-01-15|0|163125478912345600|<1"

    let issuer: TestDCCIssuer
    let now = Date()

    init() throws { issuer = try TestDCCIssuer() }

    var assessor: CredentialAssessor {
        CredentialAssessor(
            trust: TrustStore(certificates: [try! SignerCertificate(derEncoded: issuer.certificateDER)]), rules: nil, country: "VN",
            site: "site-a", keyring: ES256Keyring(),
            personalKeys: PersonalKeys(siteSecret: Array(repeating: 1, count: 32), gateSecret: Array(repeating: 2, count: 32)))
    }

    func dcc(_ payload: JSONValue) throws -> String {
        try issuer.issue(payload, issuedAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600))
    }

    @Test func aPersonalQRIsAnUnsignedIdentity() {
        let assessment = assessor.assess([Self.personalQR], at: now)
        #expect(assessment.evidence.citizenID == Subject(idNumber: "001090012345", fullName: "NGUYEN VAN AN", birthDate: "1990-01-15"))
        #expect(assessment.credential == CredentialSummary(kind: .personalQR, verified: false))
        #expect(assessment.subject.idNumber == "001090012345")
        #expect(assessment.subjectKey != nil)
        let decided = AdmissionPolicy().decide(assessment.evidence, direction: .entry, now: now)
        #expect(decided.decision.outcome == .refuse)
        #expect(decided.decision.reasons.map(\.code) == ["certificate_missing"])
        #expect(decided.flags.contains(.unsignedIdentity))
    }

    @Test func aMaskedIDNumberIsNoIDNumber() {
        let assessment = assessor.assess([Self.maskedQR], at: now)
        #expect(assessment.evidence.citizenID?.idNumber == nil)
        #expect(assessment.evidence.citizenID?.fullName == "NGUYEN VAN AN")
    }

    @Test func anInvalidPersonalQRIsAProblemNotAnIdentity() {
        let assessment = assessor.assess(["001090012345|nguyen van an|1990-01-15|0|1|"], at: now)
        #expect(assessment.evidence.citizenID == nil)
        #expect(assessment.problems == ["personal-qr: name"])
    }

    @Test func aCertificateOfAnotherPersonIsAnIdentityMismatch() throws {
        let other = TestDCCIssuer.vaccination(family: "Trần", familyT: "TRAN", given: "Thị Bình", givenT: "THI<BINH", dob: "1985-02-01")
        let assessment = assessor.assess([Self.personalQR, try dcc(other)], at: now)
        #expect(assessment.evidence.identityMismatch == ["nam.fnt", "nam.gnt", "dob"])
        let decided = AdmissionPolicy().decide(assessment.evidence, direction: .entry, now: now)
        #expect(decided.decision.outcome == .refuse)
        #expect(decided.decision.reasons.contains { $0.code == "identity_mismatch" })
        #expect(decided.flags.contains(.identityMismatch))
    }

    @Test func theSamePersonsCertificateMatchesAndNeedsNoStaffCheck() throws {
        let assessment = assessor.assess([try dcc(TestDCCIssuer.vaccination()), Self.personalQR], at: now)
        #expect(assessment.evidence.identityMismatch == nil)
        #expect(!AdmissionPolicy().decide(assessment.evidence, direction: .entry, now: now).flags.contains(.unsignedIdentity))
    }

    @Test func theCardWinsOverAPersonalQRWhenBothAreShown() {
        let card = "001090012345||Nguyễn Văn An|15011990|Nam|Hà Nội"
        for texts in [[card, Self.personalQR], [Self.personalQR, card]] {
            let assessment = assessor.assess(texts, at: now)
            #expect(assessment.evidence.citizenID?.fullName == "Nguyễn Văn An")
            #expect(assessment.credential.kind == .citizenID)
        }
    }

    @Test func quarantineResidentsAreRecognisedByThePersonalQR() {
        var policy = AdmissionPolicy()
        policy.residents = [
            "001090012345": .init(
                idNumber: "001090012345", permitUntil: now.addingTimeInterval(3600), fullName: "Nguyễn Văn An", birthDate: "1990-01-15")
        ]
        for text in [Self.personalQR, Self.maskedQR] {
            let evidence = assessor.assess([text], at: now).evidence
            #expect(policy.resident(in: evidence)?.verified == false, "\(text)")
            // Leaves with a permit; back on an unsigned identity: staff compare it.
            #expect(policy.decide(evidence, direction: .exit, now: now).decision.outcome == .admit)
            let back = policy.decide(evidence, direction: .entry, now: now)
            #expect(back.decision.outcome == .refer)
            #expect(back.decision.reasons.map(\.code) == ["unsigned_identity"])
        }
        // Someone else's personal QR is no resident.
        let stranger = assessor.assess(["079185004321|TRAN THI BICH NGOC|1985-11-02|0|1|"], at: now).evidence
        #expect(policy.resident(in: stranger) == nil)
    }
}
