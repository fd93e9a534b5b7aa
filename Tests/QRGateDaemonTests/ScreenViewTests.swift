import Foundation
import QRGateCore
import QRGateStore
import QRGateTestSupport
import Testing

@testable import QRGateCheckIn

/// What the kiosk screen is sent: the decision and what staff must check, never more of the
/// person than a masked name.
@Suite struct ScreenViewTests {
    @Test(
        arguments: [
            ("Nguyễn Thị Hồng Nhung", "NGUYỄN T. H. N."),
            ("Trần  Bình", "TRẦN B."),
            ("Lê", "LÊ"),
            ("NGUYEN<<VAN<AN", "NGUYEN V. A."),
            ("  ", nil),
            ("Đỗ \u{1B}[31mMinh 42", "ĐỖ M."),
        ] as [(String, String?)])
    func aNameIsMaskedToTheFamilyNameAndInitials(full: String, masked: String?) {
        #expect(ScreenView.maskedName(full) == masked)
    }

    @Test func noNameGivesNoName() {
        #expect(ScreenView.maskedName(nil) == nil)
        #expect(ScreenView.maskedName(String(repeating: "A", count: 500) + " B C D E F G H I")?.count == 32 + 6 * 3)
    }

    @Test func aRecordedDecisionShowsItsReasonsFlagsAndReceiptButNoIdentityNumberOrBirthDate() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = CheckInStore(database: try GateDatabase(path: folder.url.appendingPathComponent("qrgate.sqlite").path))
        var draft = CheckInFactory.draft(person: 3, at: Date(), outcome: .refer)
        draft.flags = [.identityMismatch, .unsignedIdentity]
        draft.decision.reasons = [.identityRequired]
        let stored = try await store.record(draft, direction: .fixed(.entry))
        let event = ScreenView.event(for: AnnouncedOutcome(outcome: .recorded(stored, receipt: "QRG1:6BFOXN*TS0BI$ZD"), origin: "test", problems: []))
        #expect(event.name == "result")
        let text = event.json.serialized()
        #expect(event.json["check_in_id"]?.stringValue == stored.id)
        #expect(event.json["decision"]?.stringValue == "refer")
        #expect(event.json["name"]?.stringValue == "PHẠM T. D.")
        #expect(event.json["reasons"]?.arrayValue?.first?["code"]?.stringValue == DecisionReason.identityRequired.code)
        #expect(event.json["staff_notes"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["identity_mismatch", "unsigned_identity"])
        #expect(event.json["receipt_svg"]?.stringValue?.contains("<svg") == true)
        for personal in [stored.subject?.idNumber, stored.subject?.birthDate, "Phạm Thị Dung", stored.personalDigest] {
            #expect(!text.contains(try #require(personal)), "the screen is sent \(personal ?? "")")
        }
    }

    @Test func aDecisionTheGateCouldNotRecordSendsTheCitizenToStaffWithTheCode() {
        let decision = Decision(outcome: .admit, reasons: [.certificateAccepted])
        let event = ScreenView.event(
            for: AnnouncedOutcome(outcome: .notRecorded(decision, reason: "quota reached"), origin: "test", problems: [], storeError: "quota_reached")
        )
        #expect(event.name == "error")
        #expect(event.json["code"]?.stringValue == "quota_reached")
        #expect(event.json["vi"]?.stringValue?.contains("nhân viên") == true)
        #expect(event.json["en"]?.stringValue?.contains("staff") == true)
        #expect(event.json["check_in_id"] == nil, "nothing was recorded, so there is no check-in to show")
    }
}
