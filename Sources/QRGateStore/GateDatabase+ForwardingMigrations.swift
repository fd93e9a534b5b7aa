import Foundation
import GRDB

extension GateDatabase {
    /// The forwarder's tables: parked records the central service refused (`dead_letters`),
    /// the state of each synced resource (`sync_state`), and the count of delivery attempts
    /// per outbox row (kept in the existing `outbox.attempts` and `outbox.last_error`).
    static func registerForwardingMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-forwarding") { db in
            try db.execute(
                sql: """
                    -- Records the central service refused for good, with its answer; visible to
                    -- supervisors, bounded by retention (the check-in row stays for the audit chain).
                    CREATE TABLE dead_letters (
                        check_in_id TEXT PRIMARY KEY REFERENCES check_ins(id) ON DELETE CASCADE,
                        parked_at_ms INTEGER NOT NULL,
                        http_status INTEGER,
                        response_excerpt TEXT,
                        error TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX dead_letters_time ON dead_letters (parked_at_ms);
                    -- FIFO reads of the outbox without sorting the whole backlog for every batch.
                    CREATE INDEX outbox_fifo ON outbox (enqueued_at_ms);
                    -- The verified version of each resource synced from the central service.
                    CREATE TABLE sync_state (
                        resource TEXT PRIMARY KEY,
                        etag TEXT,
                        version TEXT,
                        sha256 TEXT NOT NULL,
                        fetched_at_ms INTEGER NOT NULL,
                        file TEXT NOT NULL
                    ) STRICT;
                    """
            )
        }
        migrator.registerMigration("sync-state-envelope") { db in
            // The signed envelope's version counter and issue time of the installed version:
            // older or equal versions are refused, and freshness is the age of the issue time.
            try db.execute(
                sql: """
                    ALTER TABLE sync_state ADD COLUMN signed_version INTEGER;
                    ALTER TABLE sync_state ADD COLUMN issued_at_ms INTEGER;
                    """
            )
        }
    }
}
