-- undoes: v6-console-search
-- The database as the release before v6 left it, so that the upgrade in the boot test has a
-- migration to run. Update this file when a migration is added: the test names the one it undoes.
DROP INDEX check_ins_id_number;
DROP INDEX check_ins_name_birth;
ALTER TABLE check_ins DROP COLUMN subject_name_folded;
DELETE FROM grdb_migrations WHERE identifier = 'v6-console-search';
