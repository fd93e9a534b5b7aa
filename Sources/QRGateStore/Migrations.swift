import Foundation
import GRDB

extension GateDatabase {
    /// The schema, one migration per step; shipped migrations are never edited.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-gate-metadata") { db in
            try db.create(table: "gate_metadata") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.execute(
                sql: "INSERT INTO gate_metadata (key, value) VALUES ('created_at', ?)",
                arguments: [Date().formatted(.iso8601)]
            )
        }
        migrator.registerMigration("v2-check-ins") { db in
            // Health declarations: personal data, purged with their check-in.
            try db.execute(
                sql: """
                    CREATE TABLE declarations (
                        id TEXT PRIMARY KEY,
                        submitted_at_ms INTEGER NOT NULL,
                        source TEXT NOT NULL CHECK (source IN ('token', 'kiosk')),
                        symptoms TEXT,
                        contact_with_case INTEGER,
                        travelled_14_days INTEGER,
                        free_text TEXT,
                        purged_at_ms INTEGER
                    ) STRICT;
                    CREATE TABLE check_ins (
                        id TEXT PRIMARY KEY,
                        sequence INTEGER NOT NULL UNIQUE CHECK (sequence > 0),
                        gate TEXT NOT NULL,
                        site TEXT NOT NULL,
                        direction TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
                        recorded_at_ms INTEGER NOT NULL,
                        boot_ns INTEGER NOT NULL,
                        clock_synced INTEGER NOT NULL,
                        flags TEXT NOT NULL,
                        credential_kind TEXT NOT NULL,
                        credential_verified INTEGER NOT NULL,
                        credential_issuer TEXT,
                        credential_doses TEXT,
                        credential_event_date TEXT,
                        credential_valid_until TEXT,
                        decision TEXT NOT NULL CHECK (decision IN ('admit', 'refuse', 'refer')),
                        reasons TEXT NOT NULL,
                        rule_set_version TEXT,
                        paired_entry_id TEXT, -- no foreign key: compaction may remove an old entry, never rewrite a chained row
                        subject_key TEXT,
                        subject_id_number TEXT,
                        subject_name TEXT,
                        subject_birth_date TEXT,
                        declaration_id TEXT REFERENCES declarations(id) ON DELETE SET NULL,
                        personal_digest TEXT NOT NULL,
                        purged_at_ms INTEGER,
                        previous_hash TEXT NOT NULL,
                        hash TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX check_ins_time ON check_ins (recorded_at_ms);
                    CREATE INDEX check_ins_subject ON check_ins (site, subject_key, direction);
                    CREATE INDEX check_ins_pairing ON check_ins (paired_entry_id);
                    -- The transactional outbox: a row leaves only when the central service acknowledged it.
                    CREATE TABLE outbox (
                        check_in_id TEXT PRIMARY KEY REFERENCES check_ins(id) ON DELETE CASCADE,
                        enqueued_at_ms INTEGER NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        last_error TEXT
                    ) STRICT;
                    -- Where verification starts after old links were compacted away.
                    CREATE TABLE chain_anchor (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        sequence INTEGER NOT NULL,
                        hash TEXT NOT NULL
                    ) STRICT;
                    -- Ids whose delivery the central service confirmed (kept until compaction).
                    CREATE TABLE forwarded (
                        check_in_id TEXT PRIMARY KEY,
                        forwarded_at_ms INTEGER NOT NULL
                    ) STRICT;
                    """
            )
        }
        registerSupervisorMigrations(&migrator)
        registerForwardingMigrations(&migrator)
        migrator.registerMigration("v4-pairing-index") { db in
            // Pairing looks up a person's latest entry at a site: with the sequence in the index
            // that is one index probe, whatever the size of the table (the planner otherwise
            // walked the site's whole history through check_ins_site_sequence).
            try db.execute(
                sql: """
                    CREATE INDEX check_ins_pairing_lookup ON check_ins (site, subject_key, direction, sequence);
                    DROP INDEX check_ins_subject;
                    """
            )
        }
        migrator.registerMigration("v5-receipt-uses") { db in
            // A receipt is spent when used: one use per receipt and direction at this gate.
            try db.execute(
                sql: """
                    CREATE TABLE receipt_uses (
                        receipt_check_in_id TEXT NOT NULL,
                        direction TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
                        check_in_id TEXT NOT NULL,
                        used_at_ms INTEGER NOT NULL,
                        PRIMARY KEY (receipt_check_in_id, direction)
                    ) WITHOUT ROWID;
                    """
            )
        }
        registerConsoleMigrations(&migrator)
        return migrator
    }
}
