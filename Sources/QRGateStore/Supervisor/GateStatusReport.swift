import Foundation
import GRDB

/// The gate's state for operators: what is stored, what waits to be forwarded, how full the
/// quota is. Read without writing, so the command line can show it while the daemon runs.
public struct GateStatusReport: Sendable, Hashable {
    /// Check-ins stored.
    public var checkIns: Int
    /// Check-ins waiting in the outbox.
    public var outboxDepth: Int
    /// Age of the oldest unsent check-in, in seconds (0 when the outbox is empty).
    public var oldestUnsentAgeSeconds: Double
    /// Records parked as dead letters (0 when this build has no dead-letter table).
    public var deadLetters: Int
    /// The last chain sequence (0 when empty).
    public var chainHeadSequence: Int64
    /// Time of the latest check-in, Unix milliseconds.
    public var lastCheckInAtMilliseconds: Int64?
    /// Bytes the database uses (pages in use × page size).
    public var usedBytes: Int64
    /// The quota in bytes, when one is set.
    public var quotaBytes: Int64?
    /// Entries in the access log.
    public var accessLogEntries: Int
    /// When the central service last acknowledged a check-in, Unix milliseconds.
    public var lastForwardAtMilliseconds: Int64? = nil

    /// `usedBytes / quotaBytes`, or 0 without a quota.
    public var quotaUsedRatio: Double {
        guard let quotaBytes, quotaBytes > 0 else { return 0 }
        return Double(usedBytes) / Double(quotaBytes)
    }

    /// Reads the report from `database` as of `now`; `quotaBytes` is the configured quota
    /// (the smaller of it and SQLite's own page limit counts).
    public static func read(from database: GateDatabase, quotaBytes: Int64?, now: Date) async throws -> GateStatusReport {
        try await database.writer.read { db in try read(db: db, quotaBytes: quotaBytes, now: now) }
    }

    static func read(db: Database, quotaBytes: Int64?, now: Date) throws -> GateStatusReport {
        let nowMilliseconds = Int64(now.timeIntervalSince1970 * 1000)
        let checkIns = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM check_ins") ?? 0
        let outbox = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS depth, MIN(enqueued_at_ms) AS oldest FROM outbox")
        let depth: Int = outbox?["depth"] ?? 0
        let oldest: Int64? = outbox?["oldest"]
        let deadLetters = try db.tableExists("dead_letters") ? (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dead_letters") ?? 0) : 0
        let head = try Row.fetchOne(db, sql: "SELECT sequence, recorded_at_ms FROM check_ins ORDER BY sequence DESC LIMIT 1")
        let anchor = try Int64.fetchOne(db, sql: "SELECT sequence FROM chain_anchor WHERE id = 1")
        let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
        let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        let free = try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
        let maxPages = try Int64.fetchOne(db, sql: "PRAGMA max_page_count") ?? 0
        var quota = quotaBytes
        let sqliteLimit = maxPages * pageSize
        if maxPages > 0, maxPages < 4_294_967_294 { quota = min(quota ?? sqliteLimit, sqliteLimit) }
        let accessLog = try db.tableExists("access_log") ? (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM access_log") ?? 0) : 0
        let lastForward = try Int64.fetchOne(db, sql: "SELECT MAX(forwarded_at_ms) FROM forwarded")
        return GateStatusReport(
            checkIns: checkIns,
            outboxDepth: depth,
            oldestUnsentAgeSeconds: oldest.map { max(0, Double(nowMilliseconds - $0) / 1000) } ?? 0,
            deadLetters: deadLetters,
            chainHeadSequence: head?["sequence"] ?? anchor ?? 0,
            lastCheckInAtMilliseconds: head?["recorded_at_ms"],
            usedBytes: (pages - free) * pageSize,
            quotaBytes: quota,
            accessLogEntries: accessLog,
            lastForwardAtMilliseconds: lastForward
        )
    }

    /// The report as one JSON object.
    public var json: String {
        var fields: [String] = [
            "\"check_ins\":\(checkIns)",
            "\"outbox_depth\":\(outboxDepth)",
            "\"outbox_oldest_age_seconds\":\(Self.number(oldestUnsentAgeSeconds))",
            "\"dead_letters\":\(deadLetters)",
            "\"chain_head_sequence\":\(chainHeadSequence)",
            "\"last_check_in_at\":" + (lastCheckInAtMilliseconds.map { "\"" + ExportTime.iso8601(milliseconds: $0) + "\"" } ?? "null"),
            "\"used_bytes\":\(usedBytes)",
            "\"quota_bytes\":" + (quotaBytes.map(String.init) ?? "null"),
            "\"quota_used_ratio\":\(Self.number(quotaUsedRatio))",
            "\"access_log_entries\":\(accessLogEntries)",
            "\"last_forward_at\":" + (lastForwardAtMilliseconds.map { "\"" + ExportTime.iso8601(milliseconds: $0) + "\"" } ?? "null"),
        ]
        fields[0] = "{" + fields[0]
        return fields.joined(separator: ",") + "}"
    }

    private static func number(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
