import GRDB

extension GateDatabase {
    /// The tables of supervisor access: API tokens (hashes only, never secrets) and the
    /// access log of every read of personal data. Registered once, after the check-in schema.
    static func registerSupervisorMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-supervisor-access") { db in
            try db.execute(
                sql: """
                    CREATE TABLE api_tokens (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('supervisor', 'operator', 'kiosk')),
                        secret_sha256 TEXT NOT NULL UNIQUE,
                        created_at_ms INTEGER NOT NULL,
                        revoked_at_ms INTEGER
                    ) STRICT;
                    -- Who read which personal data. No endpoint deletes from it; only retention purges it.
                    CREATE TABLE access_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at_ms INTEGER NOT NULL,
                        token_id TEXT,
                        actor TEXT NOT NULL,
                        channel TEXT NOT NULL CHECK (channel IN ('api', 'cli')),
                        endpoint TEXT NOT NULL,
                        filter TEXT NOT NULL,
                        row_count INTEGER NOT NULL
                    ) STRICT;
                    CREATE INDEX access_log_time ON access_log (at_ms);
                    CREATE INDEX check_ins_site_sequence ON check_ins (site, sequence);
                    """
            )
        }
    }
}
