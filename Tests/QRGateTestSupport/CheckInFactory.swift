import Foundation
import QRGateCore

/// Builds plausible check-in drafts for store tests.
public enum CheckInFactory {
    /// A draft for `person` (an index that picks a name and ID) at `time`.
    public static func draft(
        person: Int,
        at time: Date,
        site: String = "site-a",
        direction: Direction = .entry,
        outcome: Decision.Outcome = .admit,
        declaration: HealthDeclaration? = nil
    ) -> CheckInDraft {
        let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung", "Đỗ Minh Đức"]
        let idNumber = String(format: "0010900%05d", person)
        return CheckInDraft(
            id: UUIDv7.make(at: time),
            gate: "gate-01",
            site: site,
            direction: direction,
            subject: Subject(idNumber: idNumber, fullName: names[person % names.count], birthDate: "1990-0\(1 + person % 9)-15"),
            subjectKey: "id:" + idNumber,
            credential: CredentialSummary(kind: .vaccination, verified: true, issuer: "VN", doses: "2/2", eventDate: "2021-09-01"),
            declaration: declaration,
            decision: Decision(outcome: outcome, reasons: [], ruleSetVersion: "VN-1.0.0"),
            wallTime: time,
            bootNanoseconds: UInt64(time.timeIntervalSince1970 * 1e9) % 1_000_000_000_000,
            clockSynced: true
        )
    }
}
