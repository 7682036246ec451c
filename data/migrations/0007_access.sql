-- 0007: the audit log records reading as well as changes: a child's card
-- opened, a list of children exported, a handover sheet printed, a backup
-- made (action 'access', see access.go). Its screen pages and filters it by
-- user and date, so both are indexed.
--
-- SQLite cannot change a CHECK in place: the table is built again between
-- the sqlite-only markers (a comment block on PostgreSQL, see pgSchema),
-- which changes its constraint instead.
-- (Indented: the copy of a server's tables, copyOrder, lists the tables
-- the migrations create at the start of a line; this one lives a moment.)
-- sqlite-only{
 CREATE TABLE audit_log_0007 (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    os_user    TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'access')),
    old_json   TEXT,
    new_json   TEXT
);
INSERT INTO audit_log_0007 (id, at, os_user, table_name, row_id, action, old_json, new_json)
    SELECT id, at, os_user, table_name, row_id, action, old_json, new_json FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_0007 RENAME TO audit_log;
CREATE INDEX audit_log_row ON audit_log(table_name, row_id);
-- }sqlite-only
--pg: ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_action_check;
--pg: ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('insert', 'update', 'delete', 'access'));
CREATE INDEX audit_log_user ON audit_log(os_user, id);
CREATE INDEX audit_log_at ON audit_log(at);
