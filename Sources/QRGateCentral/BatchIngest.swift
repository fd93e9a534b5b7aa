import Foundation
import QRGateCore

/// One check-in as the central service stores it, read and checked from the batch JSON
/// (docs/central-protocol.openapi.yaml, `CheckInRecord`).
public struct IngestRecord: Sendable, Equatable {
    /// The record id as sent.
    public var idText: String
    /// The id.
    public var id: UUID
    /// Position in the gate's audit chain.
    public var sequence: Int64
    /// Gate that captured it.
    public var gate: String
    /// Site of that gate.
    public var site: String
    /// `entry` or `exit`.
    public var direction: String
    /// Capture time, Unix milliseconds.
    public var recordedAtMilliseconds: Int64
    /// `admit`, `refuse` or `refer`.
    public var decision: String
    /// For an exit, the entry it closes (when the gate paired it).
    public var pairedEntryID: UUID?
    /// The gate's keyed digest of the personal fields (audit chain; outlives the purge).
    public var personalDigest: String
    /// The site-keyed pairing key (`pairing_key`), while the personal fields are kept.
    public var pairingKey: String?
    /// The whole record as JSON text (stored as `jsonb`).
    public var json: String
}

/// A batch request read from its body.
public struct IngestBatch: Sendable {
    /// `batch_id`.
    public var batchID: String
    /// `gate_id`.
    public var gateID: String
    /// The chain head carried.
    public var chainSequence: Int64
    /// Its hash.
    public var chainHash: String
    /// The records, in order.
    public var records: [IngestRecord]
}

/// Why a batch cannot be taken as a whole: answered `400` naming the record when there is one.
public struct BatchProblem: Error, Sendable, Equatable {
    /// What is wrong, for the gate's dead letters.
    public var message: String
    /// The record that could not be taken, when known.
    public var recordID: String?
}

/// Reads batch bodies. Pure: no I/O.
public enum BatchReader {
    /// Earliest capture time taken (2000-01-01).
    static let earliestMilliseconds: Int64 = 946_684_800_000
    /// Latest capture time taken (2100-01-01).
    static let latestMilliseconds: Int64 = 4_102_444_800_000

    /// Parses and checks a batch body; throws `BatchProblem` for the first bad part.
    public static func read(_ body: [UInt8], maxRecords: Int) throws(BatchProblem) -> IngestBatch {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: body, limits: .init())
        } catch {
            throw BatchProblem(message: "the body is not JSON (\(error.message))", recordID: nil)
        }
        guard case .object(let object) = json else { throw BatchProblem(message: "the body must be a JSON object", recordID: nil) }
        guard let batchID = object["batch_id"]?.stringValue else { throw BatchProblem(message: "batch_id is missing", recordID: nil) }
        guard let gateID = object["gate_id"]?.stringValue else { throw BatchProblem(message: "gate_id is missing", recordID: nil) }
        guard case .object(let head)? = object["chain_head"], let sequence = head["sequence"]?.numberValue, sequence >= 0,
            sequence < 9.0e15, sequence == sequence.rounded(), let hash = head["hash"]?.stringValue
        else { throw BatchProblem(message: "chain_head must be {sequence: integer ≥ 0, hash: string}", recordID: nil) }
        guard case .array(let items)? = object["records"], !items.isEmpty else {
            throw BatchProblem(message: "records must be a non-empty array", recordID: nil)
        }
        guard items.count <= maxRecords else {
            throw BatchProblem(
                message: "the batch holds \(items.count) records, more than the \(maxRecords) this service takes at once", recordID: nil)
        }
        var records: [IngestRecord] = []
        records.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            records.append(try record(item, index: index))
        }
        return IngestBatch(batchID: batchID, gateID: gateID, chainSequence: Int64(sequence), chainHash: hash, records: records)
    }

    static func record(_ value: JSONValue, index: Int) throws(BatchProblem) -> IngestRecord {
        guard case .object(let fields) = value else { throw BatchProblem(message: "record \(index) is not a JSON object", recordID: nil) }
        guard let idText = fields["id"]?.stringValue, !idText.isEmpty else { throw BatchProblem(message: "record \(index) has no id", recordID: nil) }
        func bad(_ message: String) -> BatchProblem { BatchProblem(message: "record \(idText): \(message)", recordID: idText) }
        guard let id = UUID(uuidString: idText) else { throw bad("id is not a UUID") }
        func text(_ key: String) throws(BatchProblem) -> String {
            guard let value = fields[key]?.stringValue else { throw bad("\(key) is missing or not a string") }
            return value
        }
        func decimal(_ key: String) throws(BatchProblem) -> Int64 {
            guard let value = Int64(try text(key)) else { throw bad("\(key) is not a decimal integer string") }
            return value
        }
        let sequence = try decimal("sequence")
        let gate = try text("gate")
        let site = try text("site")
        let direction = try text("direction")
        guard direction == "entry" || direction == "exit" else { throw bad("direction \(direction) is not entry or exit") }
        let recordedAt = try decimal("recorded_at_ms")
        guard (earliestMilliseconds..<latestMilliseconds).contains(recordedAt) else {
            throw bad("recorded_at_ms \(recordedAt) is not between 2000 and 2100")
        }
        let decision = try text("decision")
        guard ["admit", "refuse", "refer"].contains(decision) else { throw bad("decision \(decision) is not admit, refuse or refer") }
        _ = try text("hash")
        _ = try text("previous_hash")
        let digest = try text("personal_digest")
        var paired: UUID?
        if let pairedValue = fields["paired_entry_id"], !pairedValue.isNull {
            guard let pairedText = pairedValue.stringValue, let pairedID = UUID(uuidString: pairedText) else {
                throw bad("paired_entry_id is not a UUID")
            }
            paired = pairedID
        }
        let pairingKey = fields["pairing_key"]?.stringValue
        guard !gate.isEmpty, gate.utf8.count <= 64, !site.isEmpty, site.utf8.count <= 128 else { throw bad("gate or site is empty or too long") }
        return IngestRecord(
            idText: idText, id: id, sequence: sequence, gate: gate, site: site, direction: direction, recordedAtMilliseconds: recordedAt,
            decision: decision, pairedEntryID: paired, personalDigest: digest, pairingKey: pairingKey, json: value.serialized())
    }

    /// The record without its personal fields (past the retention period).
    static func withoutPersonalFields(_ json: String) -> String {
        guard case .object(var fields)? = try? JSONValue(parsing: json) else { return json }
        fields["subject"] = nil
        fields["declaration"] = nil
        fields["pairing_key"] = nil
        return JSONValue.object(fields).serialized()
    }
}
