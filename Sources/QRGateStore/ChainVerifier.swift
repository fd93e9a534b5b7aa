import Foundation
import GRDB
import QRGateCore

/// The result of walking the audit chain.
public struct ChainReport: Sendable, Hashable, CustomStringConvertible {
    /// Why a link is broken.
    public enum Problem: String, Sendable, Hashable {
        /// A sequence number is missing: a row was deleted.
        case missingLink = "missing_link"
        /// The stored previous hash does not match the previous link's hash: rows were reordered or replaced.
        case brokenLink = "broken_link"
        /// The record does not hash to its stored hash: a field was edited.
        case hashMismatch = "hash_mismatch"
        /// Personal fields were edited (they no longer match their digest).
        case personalDataMismatch = "personal_data_mismatch"
    }

    /// Links checked.
    public var checked: Int
    /// The first broken link's sequence number, if any.
    public var firstBrokenSequence: Int64?
    /// The id of the check-in at that link, when it exists.
    public var firstBrokenID: String?
    /// What is wrong there.
    public var problem: Problem?
    /// Hash of the last link (the chain head), for witnesses.
    public var head: String

    /// Whether the whole chain verified.
    public var isIntact: Bool { firstBrokenSequence == nil }

    public var description: String {
        if let sequence = firstBrokenSequence, let problem {
            return
                "audit chain broken at link \(sequence)\(firstBrokenID.map { " (check-in \($0))" } ?? ""): \(problem.rawValue); \(checked) links checked before it"
        }
        return "audit chain intact: \(checked) links, head \(head)"
    }
}

extension CheckInStore {
    /// Walks the chain from its anchor and reports the first broken link.
    public func verifyChain() async throws -> ChainReport {
        try await database.writer.read { db in try verifyChain(db: db) }
    }

    func verifyChain(db: Database) throws -> ChainReport {
        let anchor = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM chain_anchor WHERE id = 1")
        var expectedSequence: Int64 = (anchor?["sequence"] ?? 0) + 1
        var previousHash: String = anchor?["hash"] ?? AuditChain.genesis
        var checked = 0
        let rows = try Row.fetchCursor(db, sql: StoredCheckIn.selectSQL + " ORDER BY c.sequence")
        while let row = try rows.next() {
            let record = try StoredCheckIn(row: row)
            func broken(_ problem: ChainReport.Problem, at sequence: Int64, id: String?) -> ChainReport {
                ChainReport(checked: checked, firstBrokenSequence: sequence, firstBrokenID: id, problem: problem, head: previousHash)
            }
            if record.sequence != expectedSequence {
                return broken(.missingLink, at: expectedSequence, id: nil)
            }
            if record.previousHash != previousHash {
                return broken(.brokenLink, at: record.sequence, id: record.id)
            }
            if AuditChain.linkHash(previousHash: previousHash, record: record.chainRecord) != record.hash {
                return broken(.hashMismatch, at: record.sequence, id: record.id)
            }
            if record.purgedAtMilliseconds == nil {
                let personal = StoredCheckIn.personalRecord(subject: record.subject, subjectKey: record.subjectKey, declaration: record.declaration)
                if personalDigest(personal) != record.personalDigest {
                    return broken(.personalDataMismatch, at: record.sequence, id: record.id)
                }
            }
            previousHash = record.hash
            expectedSequence += 1
            checked += 1
        }
        return ChainReport(checked: checked, firstBrokenSequence: nil, firstBrokenID: nil, problem: nil, head: previousHash)
    }
}
