import Foundation
import QRGateCore
import QRGateStore

/// The JSON of the central protocol's batch request and response (see
/// `docs/central-protocol.openapi.yaml`).
public enum CentralBatchCodec {
    /// One record as sent: the chained fields (those of `StoredCheckIn.chainRecord`), the link
    /// hashes, and the personal fields the tracing service needs (absent once purged).
    /// Written directly, field by field: this runs for every record forwarded.
    public static func encodeRecord(_ record: StoredCheckIn) -> [UInt8] {
        var out = JSONWriter(capacity: 1024)
        out.raw("{\"id\":")
        out.string(record.id)
        out.raw(",\"sequence\":\"")
        out.number(record.sequence)
        out.raw("\",\"gate\":")
        out.string(record.gate)
        out.raw(",\"site\":")
        out.string(record.site)
        out.raw(",\"direction\":")
        out.string(record.direction.rawValue)
        out.raw(",\"recorded_at_ms\":\"")
        out.number(record.recordedAtMilliseconds)
        out.raw("\",\"boot_ns\":")
        out.string(String(record.bootNanoseconds))
        out.raw(",\"clock_synced\":")
        out.bool(record.clockSynced)
        out.raw(",\"flags\":")
        out.strings(record.flags.lazy.map(\.rawValue))
        out.raw(",\"credential\":{\"kind\":")
        out.string(record.credential.kind.rawValue)
        out.raw(",\"verified\":")
        out.bool(record.credential.verified)
        out.raw(",\"issuer\":")
        out.string(record.credential.issuer)
        out.raw(",\"doses\":")
        out.string(record.credential.doses)
        out.raw(",\"event_date\":")
        out.string(record.credential.eventDate)
        out.raw(",\"valid_until\":")
        out.string(record.credential.validUntil)
        out.raw("},\"decision\":")
        out.string(record.decision.outcome.rawValue)
        out.raw(",\"reasons\":")
        out.strings(record.decision.reasons.lazy.map(\.code))
        out.raw(",\"rule_set_version\":")
        out.string(record.decision.ruleSetVersion)
        out.raw(",\"paired_entry_id\":")
        out.string(record.pairedEntryID)
        out.raw(",\"personal_digest\":")
        out.string(record.personalDigest)
        out.raw(",\"hash\":")
        out.string(record.hash)
        out.raw(",\"previous_hash\":")
        out.string(record.previousHash)
        // The site-keyed pairing key, so that the central service pairs an entry at one gate of
        // the site with an exit at another (absent once purged, like the subject).
        if let subjectKey = record.subjectKey {
            out.raw(",\"pairing_key\":")
            out.string(subjectKey)
        }
        if let subject = record.subject {
            out.raw(",\"subject\":{\"id_number\":")
            out.string(subject.idNumber)
            out.raw(",\"name\":")
            out.string(subject.fullName)
            out.raw(",\"birth_date\":")
            out.string(subject.birthDate)
            out.raw("}")
        }
        if let declaration = record.declaration {
            out.raw(",\"declaration\":{\"symptoms\":")
            out.strings(declaration.symptoms.sorted().lazy.map(\.rawValue))
            out.raw(",\"contact_with_case\":")
            out.bool(declaration.contactWithConfirmedCase)
            out.raw(",\"travelled_14_days\":")
            out.bool(declaration.travelledLast14Days)
            out.raw(",\"submitted_at_ms\":\"")
            out.number(Int64(declaration.submittedAt * 1000))
            out.raw("\",\"source\":")
            out.string(declaration.source.rawValue)
            out.raw("}")
        }
        out.raw("}")
        return out.bytes
    }

    /// The request body: batch id, gate, the chain head reached, and the encoded records in order.
    public static func encodeBatch(batchID: String, gateID: String, head: ChainHead, records: [[UInt8]]) -> [UInt8] {
        var out = JSONWriter(capacity: records.reduce(160) { $0 + $1.count + 1 })
        out.raw("{\"batch_id\":")
        out.string(batchID)
        out.raw(",\"gate_id\":")
        out.string(gateID)
        out.raw(",\"chain_head\":{\"sequence\":")
        out.number(head.sequence)
        out.raw(",\"hash\":")
        out.string(head.hash)
        out.raw("},\"records\":[")
        for (index, record) in records.enumerated() {
            if index > 0 { out.raw(",") }
            out.json(record)
        }
        out.raw("]}")
        return out.bytes
    }

    /// One record's result in the response.
    public struct RecordResult: Codable, Sendable, Hashable {
        /// Record id.
        public var id: String
        /// `accepted`, `duplicate` or `rejected`.
        public var status: String
        /// Why a record was rejected.
        public var reason: String?

        /// Creates a result.
        public init(id: String, status: String, reason: String? = nil) {
            self.id = id
            self.status = status
            self.reason = reason
        }
    }

    /// The response body.
    public struct BatchResponse: Codable, Sendable, Hashable {
        /// The batch id echoed.
        public var batchID: String?
        /// Per-record results.
        public var results: [RecordResult]

        enum CodingKeys: String, CodingKey {
            case batchID = "batch_id"
            case results
        }

        /// Creates a response.
        public init(batchID: String?, results: [RecordResult]) {
            self.batchID = batchID
            self.results = results
        }
    }

    /// Reads a 2xx answer into the state machine's terms; an unreadable body settles nothing
    /// (every record is resent; the server dedups).
    public static func outcome(status: Int, body: [UInt8]) -> Forwarder.StateMachine.Outcome {
        guard let response = try? JSONDecoder().decode(BatchResponse.self, from: Data(body)) else {
            return .answered(status: status, accepted: [], duplicates: [], rejected: [])
        }
        var accepted: [String] = []
        var duplicates: [String] = []
        var rejected: [Forwarder.StateMachine.Rejection] = []
        for result in response.results {
            switch result.status {
            case "accepted": accepted.append(result.id)
            case "duplicate": duplicates.append(result.id)
            case "rejected": rejected.append(.init(id: result.id, reason: result.reason ?? "no reason given"))
            default: continue
            }
        }
        return .answered(status: status, accepted: accepted, duplicates: duplicates, rejected: rejected)
    }

    /// `Retry-After` as a duration: delta-seconds, or an HTTP-date (RFC 9110) relative to `now`.
    public static func retryAfter(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int64(value) { return .seconds(max(0, seconds)) }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: value) {
                let milliseconds = Int64((date.timeIntervalSince(now) * 1000).rounded(.up))
                return .milliseconds(max(0, milliseconds))
            }
        }
        return nil
    }

    /// The `Idempotency-Key` of a request: derived from its ids, so a retry of the same
    /// records (even after a restart) carries the same key.
    public static func idempotencyKey(gateID: String, ids: [String]) -> String {
        var hasher = SHA256Hasher()
        hasher.update(gateID)
        for id in ids { hasher.update("\n" + id) }
        return hasher.hexDigest(prefixBytes: 16)
    }
}
