import Foundation
import GRDB
import QRGateCore

/// What one retention run did.
public struct RetentionReport: Sendable, Hashable {
    /// Check-ins whose personal fields were erased.
    public var purgedCheckIns: Int
    /// Of those, how many had not been forwarded yet (logged loudly: data left without delivery).
    public var purgedUnforwarded: Int
    /// Records past retention taken out of the outbox undelivered (forwarding off or the central
    /// service unreachable for the whole retention period): counted and logged, never silent.
    /// Their chain links stay until compaction, which can now remove them.
    public var evictedUnforwarded: Int = 0
}

extension CheckInStore {
    /// Erases the personal fields (subject, pairing key, declaration) of check-ins older than
    /// `retentionDays` before `now`, keeping their digests and hashes so the chain still verifies.
    /// Forwarded check-ins are purged first; unforwarded ones past retention are purged too and
    /// leave the outbox (counted in ``RetentionReport/evictedUnforwarded``), so nothing
    /// disappears silently and nothing piles up without a central service.
    public func purgeExpired(now: Date, retentionDays: Int) async throws -> RetentionReport {
        let cutoff = Int64((now.timeIntervalSince1970 - Double(retentionDays) * 86_400) * 1000)
        let nowMilliseconds = Int64(now.timeIntervalSince1970 * 1000)
        return try await database.writer.write { db in
            let unforwarded =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM check_ins c JOIN outbox o ON o.check_in_id = c.id
                        WHERE c.recorded_at_ms < ? AND c.purged_at_ms IS NULL
                        """,
                    arguments: [cutoff]
                ) ?? 0
            try db.execute(
                sql: """
                    UPDATE declarations SET symptoms = NULL, contact_with_case = NULL, travelled_14_days = NULL,
                        free_text = NULL, purged_at_ms = ?
                    WHERE purged_at_ms IS NULL AND id IN (
                        SELECT declaration_id FROM check_ins WHERE recorded_at_ms < ? AND declaration_id IS NOT NULL)
                    """,
                arguments: [nowMilliseconds, cutoff]
            )
            try db.execute(
                sql: """
                    UPDATE check_ins SET subject_key = NULL, subject_id_number = NULL, subject_name = NULL, subject_name_folded = NULL,
                        subject_birth_date = NULL, purged_at_ms = ?
                    WHERE recorded_at_ms < ? AND purged_at_ms IS NULL
                    """,
                arguments: [nowMilliseconds, cutoff]
            )
            let purged = db.changesCount
            // G7: past retention an undelivered record leaves the outbox too, so that a gate without
            // a central service (or cut off from it) does not keep records for ever.
            try db.execute(
                sql: "DELETE FROM outbox WHERE check_in_id IN (SELECT id FROM check_ins WHERE recorded_at_ms < ?)",
                arguments: [cutoff])
            let evicted = db.changesCount
            return RetentionReport(purgedCheckIns: purged, purgedUnforwarded: unforwarded, evictedUnforwarded: evicted)
        }
    }
}
