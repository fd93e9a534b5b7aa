import Foundation
import GRDB
import QRGateCore

extension StoredCheckIn {
    /// The columns of an outbox read, in the order ``init(outboxRow:reasons:)`` reads them by
    /// index (the forwarder reads tens of thousands of rows a second; looking columns up by
    /// name was its largest cost).
    static let outboxSelectSQL = """
        SELECT c.id, c.sequence, c.gate, c.site, c.direction, c.recorded_at_ms, c.boot_ns, c.clock_synced, c.flags,
               c.credential_kind, c.credential_verified, c.credential_issuer, c.credential_doses,
               c.credential_event_date, c.credential_valid_until, c.decision, c.reasons, c.rule_set_version,
               c.paired_entry_id, c.purged_at_ms, c.subject_key, c.subject_id_number, c.subject_name,
               c.subject_birth_date, c.personal_digest, c.previous_hash, c.hash,
               d.submitted_at_ms, d.source, d.symptoms, d.contact_with_case, d.travelled_14_days, d.free_text, d.purged_at_ms
        FROM check_ins c LEFT JOIN declarations d ON d.id = c.declaration_id
        """

    /// Index of the reasons column in ``outboxSelectSQL``.
    static let outboxReasonsColumn = 16

    /// Reads a row of ``outboxSelectSQL`` with its reasons already decoded. Same result as
    /// `init(row:)` on the full select.
    init(outboxRow row: Row, reasons: [DecisionReason]) throws {
        let id: String = row[0]
        guard let direction = Direction(rawValue: row[4] as String) else {
            throw StoreError(code: .corruptRecord, message: "check-in \(id) has an unknown direction")
        }
        let purgedAt: Int64? = row[19]
        var subject: Subject?
        if purgedAt == nil {
            subject = Subject(idNumber: row[21], fullName: row[22], birthDate: row[23])
        }
        var declaration: HealthDeclaration?
        if let source = (row[28] as String?).flatMap(HealthDeclaration.Source.init(rawValue:)), row[33] as Int64? == nil {
            let symptoms = ((row[29] as String?) ?? "").split(separator: ",").compactMap { HealthDeclaration.Symptom(rawValue: String($0)) }
            declaration = HealthDeclaration(
                symptoms: Set(symptoms),
                contactWithConfirmedCase: (row[30] as Bool?) ?? false,
                travelledLast14Days: (row[31] as Bool?) ?? false,
                freeText: row[32],
                submittedAt: Double(row[27] as Int64) / 1000,
                source: source
            )
        }
        self.init(
            id: id,
            sequence: row[1],
            gate: row[2],
            site: row[3],
            direction: direction,
            recordedAtMilliseconds: row[5],
            bootNanoseconds: UInt64(bitPattern: row[6] as Int64),
            clockSynced: row[7],
            flags: (row[8] as String).split(separator: ",").compactMap { CheckInDraft.Flag(rawValue: String($0)) },
            credential: CredentialSummary(
                kind: CredentialSummary.Kind(rawValue: row[9]) ?? .none,
                verified: row[10],
                issuer: row[11],
                doses: row[12],
                eventDate: row[13],
                validUntil: row[14]
            ),
            decision: Decision(outcome: Decision.Outcome(rawValue: row[15]) ?? .refuse, reasons: reasons, ruleSetVersion: row[17]),
            pairedEntryID: row[18],
            subject: subject,
            subjectKey: row[20],
            declaration: declaration,
            personalDigest: row[24],
            purgedAtMilliseconds: purgedAt,
            previousHash: row[25],
            hash: row[26]
        )
    }
}
