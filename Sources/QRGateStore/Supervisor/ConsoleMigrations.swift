import GRDB
import QRGateCore

extension GateDatabase {
    /// What the supervisor console's search and views need: the folded name stored with each
    /// check-in (a search compares a column instead of folding every row), an index on the ID
    /// number and on name and birth date (search, a person's page, residents), and `console` as an access-log channel.
    static func registerConsoleMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-console-search") { db in
            db.add(function: NameFolding.sqlFunction)
            try db.execute(
                sql: """
                    ALTER TABLE check_ins ADD COLUMN subject_name_folded TEXT;
                    UPDATE check_ins SET subject_name_folded = qrgate_fold(subject_name) WHERE subject_name IS NOT NULL;
                    CREATE INDEX check_ins_id_number ON check_ins (subject_id_number, sequence) WHERE subject_id_number IS NOT NULL;
                    CREATE INDEX check_ins_name_birth ON check_ins (subject_name_folded, subject_birth_date, sequence)
                        WHERE subject_name_folded IS NOT NULL;
                    CREATE TABLE access_log_new (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at_ms INTEGER NOT NULL,
                        token_id TEXT,
                        actor TEXT NOT NULL,
                        channel TEXT NOT NULL CHECK (channel IN ('api', 'cli', 'console')),
                        endpoint TEXT NOT NULL,
                        filter TEXT NOT NULL,
                        row_count INTEGER NOT NULL
                    ) STRICT;
                    INSERT INTO access_log_new SELECT id, at_ms, token_id, actor, channel, endpoint, filter, row_count FROM access_log;
                    DROP TABLE access_log;
                    ALTER TABLE access_log_new RENAME TO access_log;
                    CREATE INDEX access_log_time ON access_log (at_ms);
                    """
            )
        }
    }
}
