import Foundation
import GRDB
import QRGateCore

/// The last link of the audit chain: what the central service can witness.
public struct ChainHead: Sendable, Hashable {
    /// Sequence number of the last link (0 for an empty chain).
    public var sequence: Int64
    /// Hash of the last link.
    public var hash: String

    /// Creates a head.
    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }
}

/// A record the central service refused for good, parked instead of dropped.
public struct DeadLetter: Sendable, Hashable {
    /// The check-in id.
    public var checkInID: String
    /// When it was parked, Unix milliseconds.
    public var parkedAtMilliseconds: Int64
    /// The HTTP status of the answer, when there was one.
    public var httpStatus: Int?
    /// The start of the server's answer (bounded).
    public var responseExcerpt: String?
    /// Why it was parked.
    public var error: String

    /// Creates a dead letter.
    public init(checkInID: String, parkedAtMilliseconds: Int64, httpStatus: Int?, responseExcerpt: String?, error: String) {
        self.checkInID = checkInID
        self.parkedAtMilliseconds = parkedAtMilliseconds
        self.httpStatus = httpStatus
        self.responseExcerpt = responseExcerpt
        self.error = error
    }
}

extension CheckInStore {
    /// The oldest check-ins of the outbox, FIFO, at most `limit`, leaving out `excluding`
    /// (the ids of the request in flight, when the next batch is read ahead).
    public func outboxBatch(limit: Int, excluding: [String] = []) async throws -> [StoredCheckIn] {
        let excluded = JSONValue.array(excluding.map(JSONValue.string)).serialized()
        return try await database.writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: StoredCheckIn.outboxSelectSQL + """
                     JOIN (SELECT check_in_id, enqueued_at_ms, rowid AS r FROM outbox
                           WHERE check_in_id NOT IN (SELECT value FROM json_each(?))
                           ORDER BY enqueued_at_ms, rowid LIMIT ?) o ON o.check_in_id = c.id
                     ORDER BY o.enqueued_at_ms, o.r
                    """,
                arguments: [excluded, limit]
            )
            // One decoder run for the whole batch's reasons instead of one per row; a batch
            // that does not decode as a whole falls back to row by row.
            let texts = rows.map { $0[StoredCheckIn.outboxReasonsColumn] as String }
            let joined = Data(("[" + texts.joined(separator: ",") + "]").utf8)
            if let reasons = try? JSONDecoder().decode([[DecisionReason]].self, from: joined), reasons.count == rows.count {
                return try zip(rows, reasons).map { try StoredCheckIn(outboxRow: $0, reasons: $1) }
            }
            return try zip(rows, texts).map { row, text in
                try StoredCheckIn(outboxRow: row, reasons: (try? JSONDecoder().decode([DecisionReason].self, from: Data(text.utf8))) ?? [])
            }
        }
    }

    /// The last link of the chain (or the anchor after compaction; sequence 0 when empty).
    public func chainHead() async throws -> ChainHead {
        try await database.writer.read { db in
            let row =
                try Row.fetchOne(db, sql: "SELECT sequence, hash FROM check_ins ORDER BY sequence DESC LIMIT 1")
                ?? Row.fetchOne(db, sql: "SELECT sequence, hash FROM chain_anchor WHERE id = 1")
            return ChainHead(sequence: row?["sequence"] ?? 0, hash: row?["hash"] ?? AuditChain.genesis)
        }
    }

    /// Capture time (Unix milliseconds) of the oldest unsent check-in, or nil when the outbox is empty.
    public func oldestUnsentMilliseconds() async throws -> Int64? {
        try await database.writer.read { try Int64.fetchOne($0, sql: "SELECT MIN(enqueued_at_ms) FROM outbox") }
    }

    /// Counts a failed delivery attempt of `ids` with its reason (no personal data).
    public func recordAttempt(_ ids: [String], error: String) async throws {
        try await database.writer.write { db in
            let statement = try db.cachedStatement(sql: "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE check_in_id = ?")
            for id in ids { try statement.execute(arguments: [error, id]) }
        }
    }

    /// Moves records out of the outbox into `dead_letters`, in one transaction.
    public func park(_ letters: [DeadLetter]) async throws {
        try await database.writer.write { db in
            for letter in letters {
                try db.execute(sql: "DELETE FROM outbox WHERE check_in_id = ?", arguments: [letter.checkInID])
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO dead_letters (check_in_id, parked_at_ms, http_status, response_excerpt, error)
                        SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM check_ins WHERE id = ?)
                        """,
                    arguments: [
                        letter.checkInID, letter.parkedAtMilliseconds, letter.httpStatus, letter.responseExcerpt, letter.error,
                        letter.checkInID,
                    ]
                )
            }
        }
    }

    /// Number of parked records.
    public func deadLetterCount() async throws -> Int {
        try await database.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM dead_letters") ?? 0 }
    }

    /// Parked records, newest first, at most `limit`.
    public func deadLetters(limit: Int = 100) async throws -> [DeadLetter] {
        try await database.writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM dead_letters ORDER BY parked_at_ms DESC, check_in_id LIMIT ?",
                arguments: [limit]
            ).map { row in
                DeadLetter(
                    checkInID: row["check_in_id"],
                    parkedAtMilliseconds: row["parked_at_ms"],
                    httpStatus: row["http_status"],
                    responseExcerpt: row["response_excerpt"],
                    error: row["error"]
                )
            }
        }
    }

    /// Deletes dead letters parked before `cutoff` (retention); returns how many.
    @discardableResult
    public func purgeDeadLetters(parkedBefore cutoff: Date) async throws -> Int {
        let milliseconds = Int64(cutoff.timeIntervalSince1970 * 1000)
        return try await database.writer.write { db in
            try db.execute(sql: "DELETE FROM dead_letters WHERE parked_at_ms < ?", arguments: [milliseconds])
            return db.changesCount
        }
    }
}

extension CheckInStore {
    /// Records several drafts in one transaction (imports, soak tests and benchmarks); all or
    /// none are stored. Refused with ``StoreError/Code-swift.struct/quotaReached`` at the quota.
    @discardableResult
    public func recordAll(_ drafts: [CheckInDraft], direction policy: DirectionPolicy) async throws(StoreError) -> [StoredCheckIn] {
        do {
            let pageLimit = database.checkInPageLimit
            return try await database.writer.write { db in
                var stored: [StoredCheckIn] = []
                stored.reserveCapacity(drafts.count)
                for draft in drafts {
                    if let pageLimit {
                        let used =
                            (try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0) - (try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0)
                        if used >= pageLimit { throw Self.quotaReached }
                    }
                    stored.append(try insert(draft, policy: policy, db: db))
                }
                return stored
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw Self.quotaReached
        } catch {
            throw StoreError(code: .writeFailed, message: "the check-ins could not be recorded (\(error)); nothing was stored")
        }
    }
}
