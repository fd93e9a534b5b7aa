import Foundation
import GRDB
import QRGateCore

extension CheckInStore {
    /// Deletes the oldest links of the chain whose personal data is purged and whose delivery
    /// the central service confirmed, up to `limit` rows, and moves the chain anchor past them
    /// so the rest still verifies. Returns the number of rows deleted. Rows still in the outbox
    /// are never deleted here (retention takes them out of the outbox when their time is up).
    @discardableResult
    public func compact(limit: Int = 10_000) async throws -> Int {
        try await database.writer.write { db in
            let candidates = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.sequence, c.hash, c.purged_at_ms IS NOT NULL AS purged,
                           EXISTS (SELECT 1 FROM outbox o WHERE o.check_in_id = c.id) AS pending
                    FROM check_ins c ORDER BY c.sequence LIMIT ?
                    """,
                arguments: [limit]
            )
            var last: (sequence: Int64, hash: String)?
            for row in candidates {
                guard row["purged"] as Bool, !(row["pending"] as Bool) else { break }
                last = (row["sequence"], row["hash"])
            }
            guard let last else { return 0 }
            try db.execute(
                sql: "DELETE FROM declarations WHERE id IN (SELECT declaration_id FROM check_ins WHERE sequence <= ?)",
                arguments: [last.sequence]
            )
            try db.execute(sql: "DELETE FROM check_ins WHERE sequence <= ?", arguments: [last.sequence])
            let deleted = db.changesCount
            try db.execute(
                sql: "DELETE FROM forwarded WHERE check_in_id NOT IN (SELECT id FROM check_ins)"
            )
            // Receipts live hours, retention days: a use older than the chain's start is of no receipt still valid.
            try db.execute(sql: "DELETE FROM receipt_uses WHERE check_in_id NOT IN (SELECT id FROM check_ins)")
            try db.execute(
                sql:
                    "INSERT INTO chain_anchor (id, sequence, hash) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash",
                arguments: [last.sequence, last.hash]
            )
            return deleted
        }
    }

    /// Marks check-ins as delivered: they leave the outbox in one transaction (G2).
    public func markForwarded(_ ids: [String], at date: Date) async throws {
        let milliseconds = Int64(date.timeIntervalSince1970 * 1000)
        try await database.writer.write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM outbox WHERE check_in_id = ?")
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO forwarded (check_in_id, forwarded_at_ms) VALUES (?, ?)")
            for id in ids {
                try delete.execute(arguments: [id])
                try insert.execute(arguments: [id, milliseconds])
            }
        }
    }
}
