package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// AuditEntry is one recorded change.
type AuditEntry struct {
	ID      int64
	At      time.Time
	OSUser  string
	Table   string
	RowID   int64
	Action  string
	OldJSON string
	NewJSON string
}

// audit records a change of one row; old or new is nil for inserts and
// deletes. On a server the triggers of audit_pg.sql record every change,
// the app's as well as any other's, from the session's user and the
// server's clock: the app records nothing twice. (A schema set up by an
// owner who is no superuser has no such triggers: the app records.)
func (s *Store) audit(ctx context.Context, tx *sql.Tx, table string, id int64, action string, old, new any) error {
	if s.serverAudit {
		return nil
	}
	o, err := auditJSON(old)
	if err != nil {
		return err
	}
	n, err := auditJSON(new)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO audit_log (at, os_user, table_name, row_id, action, old_json, new_json)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, s.Now().UTC().Format(time.RFC3339), s.actor, table, id, action, o, n)
	if err != nil {
		return fmt.Errorf("audit %s %d: %w", table, id, err)
	}
	return nil
}

// FindAudit returns the recorded changes of a table (all tables when empty),
// newest first, at most limit of them.
func (s *Store) FindAudit(ctx context.Context, table string, limit int) ([]AuditEntry, error) {
	where, args := "", []any{}
	if table != "" {
		where, args = "WHERE table_name = ?", append(args, table)
	}
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, at, os_user, table_name, row_id, action,
		COALESCE(old_json, ''), COALESCE(new_json, '') FROM audit_log `+where+` ORDER BY id DESC LIMIT ?`,
		append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("find audit: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.OSUser, &e.Table, &e.RowID, &e.Action, &e.OldJSON, &e.NewJSON); err != nil {
			return nil, err
		}
		e.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// auditor records many changes of one transaction through one prepared
// statement, for bulk writes.
type auditor struct {
	s    *Store
	stmt *sql.Stmt
	at   string
}

func (s *Store) newAuditor(ctx context.Context, tx *sql.Tx) (*auditor, error) {
	if s.serverAudit {
		return &auditor{s: s}, nil // the server's triggers record them
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO audit_log (at, os_user, table_name, row_id, action, old_json, new_json)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	return &auditor{s: s, stmt: stmt, at: s.Now().UTC().Format(time.RFC3339)}, nil
}

func (a *auditor) record(table string, id int64, action string, old, new any) error {
	return a.recordAt(a.at, table, id, action, old, new)
}

// recordAt records a change made at a time of its own (RFC 3339, as
// audit's), through the auditor's statement.
func (a *auditor) recordAt(at, table string, id int64, action string, old, new any) error {
	if a.stmt == nil {
		return nil
	}
	o, err := auditJSON(old)
	if err != nil {
		return err
	}
	n, err := auditJSON(new)
	if err != nil {
		return err
	}
	return a.recordJSON(at, table, id, action, o, n)
}

// recordJSON records a change whose old and new rows are JSON already
// (auditJSON's, nil for none).
func (a *auditor) recordJSON(at, table string, id int64, action string, old, new any) error {
	if a.stmt == nil {
		return nil
	}
	if _, err := a.stmt.Exec(at, a.s.actor, table, id, action, old, new); err != nil {
		return fmt.Errorf("audit %s %d: %w", table, id, err)
	}
	return nil
}

func (a *auditor) Close() error {
	if a.stmt == nil {
		return nil
	}
	return a.stmt.Close()
}

func auditJSON(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}
