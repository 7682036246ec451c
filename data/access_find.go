package data

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// AuditFilter selects a page of the audit log for its screen.
type AuditFilter struct {
	User   string    // os_user; empty: everyone
	From   time.Time // first day, in its own location; zero: from the start
	To     time.Time // last day, included; zero: to now
	Action string    // insert, update, delete or access; empty: all
	Table  string    // table_name (or what was read); empty: all
	Limit  int       // a page; 100 when 0
	Offset int
}

// where builds the filter's WHERE clause. The log's times are UTC text
// (RFC 3339), so a local day's bounds are turned into UTC text too.
func (f AuditFilter) where() (string, []any) {
	var where []string
	var args []any
	add := func(cond string, arg any) { where, args = append(where, cond), append(args, arg) }
	if f.User != "" {
		add("os_user = ?", f.User)
	}
	if !f.From.IsZero() {
		add("at >= ?", dayStart(f.From).UTC().Format(time.RFC3339))
	}
	if !f.To.IsZero() {
		add("at < ?", dayStart(f.To).AddDate(0, 0, 1).UTC().Format(time.RFC3339))
	}
	if f.Action != "" {
		add("action = ?", f.Action)
	}
	if f.Table != "" {
		add("table_name = ?", f.Table)
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

func dayStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// FindAuditPage returns one page of the audit log, newest first, and how
// many records the filter selects in all. The page is cut by the server
// (LIMIT and OFFSET), so a big log costs a page. The admin's alone.
func (s *Store) FindAuditPage(ctx context.Context, f AuditFilter) ([]AuditEntry, int, error) {
	if err := s.require(RoleAdmin); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 100
	}
	where, args := f.where()
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM audit_log`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count the audit log: %w", serverError(err))
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, at, os_user, table_name, row_id, action,
		COALESCE(old_json, ''), COALESCE(new_json, '') FROM audit_log`+where+` ORDER BY id DESC LIMIT ? OFFSET ?`,
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("find the audit log: %w", serverError(err))
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.OSUser, &e.Table, &e.RowID, &e.Action, &e.OldJSON, &e.NewJSON); err != nil {
			return nil, 0, err
		}
		e.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, e)
	}
	return out, total, rows.Err()
}

// AuditUsers lists the users the audit log names, for its filter.
func (s *Store) AuditUsers(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT os_user FROM audit_log ORDER BY os_user`)
	if err != nil {
		return nil, fmt.Errorf("the audit log's users: %w", serverError(err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
