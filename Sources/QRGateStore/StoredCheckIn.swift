import Foundation
import GRDB
import QRGateCore

/// A check-in as stored: the captured draft plus its place in the audit chain.
public struct StoredCheckIn: Sendable, Hashable {
    /// Id given at capture.
    public var id: String
    /// Position in the audit chain (1, 2, 3 …).
    public var sequence: Int64
    /// Gate and site.
    public var gate: String
    /// Site of the gate.
    public var site: String
    /// Entry or exit.
    public var direction: Direction
    /// Capture time, Unix milliseconds.
    public var recordedAtMilliseconds: Int64
    /// Boot-relative stamp.
    public var bootNanoseconds: UInt64
    /// Clock synchronised at capture.
    public var clockSynced: Bool
    /// Flags, sorted.
    public var flags: [CheckInDraft.Flag]
    /// The verified credential.
    public var credential: CredentialSummary
    /// The decision.
    public var decision: Decision
    /// The entry this exit closes, if any.
    public var pairedEntryID: String?
    /// Personal fields; nil after the retention purge.
    public var subject: Subject?
    /// Pairing key (personal); nil after the purge.
    public var subjectKey: String?
    /// The health declaration (personal); nil after the purge or when none was made.
    public var declaration: HealthDeclaration?
    /// Digest of the personal fields as captured.
    public var personalDigest: String
    /// When personal fields were purged.
    public var purgedAtMilliseconds: Int64?
    /// Hash of the previous link.
    public var previousHash: String
    /// This link's hash.
    public var hash: String

    /// The canonical encoding of the non-personal fields that the chain hash covers.
    public var chainRecord: JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id),
            "sequence": .string(String(sequence)),
            "gate": .string(gate),
            "site": .string(site),
            "direction": .string(direction.rawValue),
            "recorded_at_ms": .string(String(recordedAtMilliseconds)),
            "boot_ns": .string(String(bootNanoseconds)),
            "clock_synced": .bool(clockSynced),
            "flags": .array(flags.map { .string($0.rawValue) }),
            "credential": Self.credentialJSON(credential),
            "decision": .string(decision.outcome.rawValue),
            "reasons": .array(decision.reasons.map { .string($0.code) }),
            "personal_digest": .string(personalDigest),
        ]
        object["rule_set_version"] = decision.ruleSetVersion.map(JSONValue.string) ?? .null
        object["paired_entry_id"] = pairedEntryID.map(JSONValue.string) ?? .null
        return .object(object)
    }

    /// The canonical encoding of the personal fields (what ``personalDigest`` digests).
    public static func personalRecord(subject: Subject?, subjectKey: String?, declaration: HealthDeclaration?) -> JSONValue {
        func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        var declarationJSON: JSONValue = .null
        if let d = declaration {
            declarationJSON = [
                "symptoms": .array(d.symptoms.sorted().map { .string($0.rawValue) }),
                "contact_with_case": .bool(d.contactWithConfirmedCase),
                "travelled_14_days": .bool(d.travelledLast14Days),
                "free_text": optional(d.freeText),
                "submitted_at_ms": .string(String(Int64(d.submittedAt * 1000))),
                "source": .string(d.source.rawValue),
            ]
        }
        return [
            "subject_key": optional(subjectKey),
            "id_number": optional(subject?.idNumber),
            "name": optional(subject?.fullName),
            "birth_date": optional(subject?.birthDate),
            "declaration": declarationJSON,
        ]
    }

    static func credentialJSON(_ c: CredentialSummary) -> JSONValue {
        func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        return [
            "kind": .string(c.kind.rawValue),
            "verified": .bool(c.verified),
            "issuer": optional(c.issuer),
            "doses": optional(c.doses),
            "event_date": optional(c.eventDate),
            "valid_until": optional(c.validUntil),
        ]
    }
}

extension StoredCheckIn {
    /// All columns needed to rebuild a stored check-in, with its declaration joined in.
    static let selectSQL = """
        SELECT c.*, d.submitted_at_ms AS d_submitted_at_ms, d.source AS d_source, d.symptoms AS d_symptoms,
               d.contact_with_case AS d_contact, d.travelled_14_days AS d_travel, d.free_text AS d_free_text,
               d.purged_at_ms AS d_purged
        FROM check_ins c LEFT JOIN declarations d ON d.id = c.declaration_id
        """

    init(row: Row) throws {
        id = row["id"]
        sequence = row["sequence"]
        gate = row["gate"]
        site = row["site"]
        guard let direction = Direction(rawValue: row["direction"] as String) else {
            throw StoreError(code: .corruptRecord, message: "check-in \(row["id"] as String) has an unknown direction")
        }
        self.direction = direction
        recordedAtMilliseconds = row["recorded_at_ms"]
        bootNanoseconds = UInt64(bitPattern: row["boot_ns"] as Int64)
        clockSynced = row["clock_synced"]
        flags = (row["flags"] as String).split(separator: ",").compactMap { CheckInDraft.Flag(rawValue: String($0)) }
        credential = CredentialSummary(
            kind: CredentialSummary.Kind(rawValue: row["credential_kind"]) ?? .none,
            verified: row["credential_verified"],
            issuer: row["credential_issuer"],
            doses: row["credential_doses"],
            eventDate: row["credential_event_date"],
            validUntil: row["credential_valid_until"]
        )
        let reasonsText: String = row["reasons"]
        let reasons = (try? JSONDecoder().decode([DecisionReason].self, from: Data(reasonsText.utf8))) ?? []
        decision = Decision(
            outcome: Decision.Outcome(rawValue: row["decision"]) ?? .refuse,
            reasons: reasons,
            ruleSetVersion: row["rule_set_version"]
        )
        pairedEntryID = row["paired_entry_id"]
        purgedAtMilliseconds = row["purged_at_ms"]
        subjectKey = row["subject_key"]
        if purgedAtMilliseconds == nil {
            subject = Subject(idNumber: row["subject_id_number"], fullName: row["subject_name"], birthDate: row["subject_birth_date"])
        } else {
            subject = nil
        }
        if let source = (row["d_source"] as String?).flatMap(HealthDeclaration.Source.init(rawValue:)), row["d_purged"] as Int64? == nil {
            let symptoms = ((row["d_symptoms"] as String?) ?? "").split(separator: ",").compactMap { HealthDeclaration.Symptom(rawValue: String($0)) }
            declaration = HealthDeclaration(
                symptoms: Set(symptoms),
                contactWithConfirmedCase: (row["d_contact"] as Bool?) ?? false,
                travelledLast14Days: (row["d_travel"] as Bool?) ?? false,
                freeText: row["d_free_text"],
                submittedAt: Double(row["d_submitted_at_ms"] as Int64) / 1000,
                source: source
            )
        } else {
            declaration = nil
        }
        personalDigest = row["personal_digest"]
        previousHash = row["previous_hash"]
        hash = row["hash"]
    }
}
