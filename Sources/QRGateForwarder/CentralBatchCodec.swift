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
        var out = ""
        out.reserveCapacity(900)
        var first = true
        func key(_ name: String) {
            if !first { out += "," }
            first = false
            out += "\"" + name + "\":"
        }
        func string(_ name: String, _ value: String?) {
            key(name)
            if let value { JSONValue.writeString(value, to: &out) } else { out += "null" }
        }
        func bool(_ name: String, _ value: Bool) {
            key(name)
            out += value ? "true" : "false"
        }
        func strings(_ name: String, _ values: [String]) {
            key(name)
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                JSONValue.writeString(value, to: &out)
            }
            out += "]"
        }
        out += "{"
        string("id", record.id)
        string("sequence", String(record.sequence))
        string("gate", record.gate)
        string("site", record.site)
        string("direction", record.direction.rawValue)
        string("recorded_at_ms", String(record.recordedAtMilliseconds))
        string("boot_ns", String(record.bootNanoseconds))
        bool("clock_synced", record.clockSynced)
        strings("flags", record.flags.map(\.rawValue))
        key("credential")
        out += "{\"kind\":"
        JSONValue.writeString(record.credential.kind.rawValue, to: &out)
        out += ",\"verified\":" + (record.credential.verified ? "true" : "false")
        for (name, value) in [
            ("issuer", record.credential.issuer), ("doses", record.credential.doses),
            ("event_date", record.credential.eventDate), ("valid_until", record.credential.validUntil),
        ] {
            out += ",\"" + name + "\":"
            if let value { JSONValue.writeString(value, to: &out) } else { out += "null" }
        }
        out += "}"
        string("decision", record.decision.outcome.rawValue)
        strings("reasons", record.decision.reasons.map(\.code))
        string("rule_set_version", record.decision.ruleSetVersion)
        string("paired_entry_id", record.pairedEntryID)
        string("personal_digest", record.personalDigest)
        string("hash", record.hash)
        string("previous_hash", record.previousHash)
        if let subject = record.subject {
            key("subject")
            out += "{\"id_number\":"
            if let v = subject.idNumber { JSONValue.writeString(v, to: &out) } else { out += "null" }
            out += ",\"name\":"
            if let v = subject.fullName { JSONValue.writeString(v, to: &out) } else { out += "null" }
            out += ",\"birth_date\":"
            if let v = subject.birthDate { JSONValue.writeString(v, to: &out) } else { out += "null" }
            out += "}"
        }
        if let declaration = record.declaration {
            key("declaration")
            out += "{\"symptoms\":["
            for (index, symptom) in declaration.symptoms.sorted().enumerated() {
                if index > 0 { out += "," }
                JSONValue.writeString(symptom.rawValue, to: &out)
            }
            out += "],\"contact_with_case\":" + (declaration.contactWithConfirmedCase ? "true" : "false")
            out += ",\"travelled_14_days\":" + (declaration.travelledLast14Days ? "true" : "false")
            out += ",\"submitted_at_ms\":\"" + String(Int64(declaration.submittedAt * 1000)) + "\""
            out += ",\"source\":"
            JSONValue.writeString(declaration.source.rawValue, to: &out)
            out += "}"
        }
        out += "}"
        return Array(out.utf8)
    }

    /// The request body: batch id, gate, the chain head reached, and the encoded records in order.
    public static func encodeBatch(batchID: String, gateID: String, head: ChainHead, records: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(records.reduce(160) { $0 + $1.count + 1 })
        var prefix = "{\"batch_id\":"
        JSONValue.writeString(batchID, to: &prefix)
        prefix += ",\"gate_id\":"
        JSONValue.writeString(gateID, to: &prefix)
        prefix += ",\"chain_head\":{\"sequence\":\(head.sequence),\"hash\":"
        JSONValue.writeString(head.hash, to: &prefix)
        prefix += "},\"records\":["
        out.append(contentsOf: prefix.utf8)
        for (index, record) in records.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: record)
        }
        out.append(contentsOf: "]}".utf8)
        return out
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
