package datatest

import (
	"testing"

	"github.com/mektepkezhol/app/data"
)

// AddAuditEntries writes entries into the audit log as they are given:
// other clerks' work of other days, which the store itself records only
// as its own user and today.
func AddAuditEntries(tb testing.TB, st *data.Store, entries ...data.AuditEntry) {
	tb.Helper()
	db, pg := rawDB(tb, st)
	defer db.Close()
	query := `INSERT INTO audit_log (at, os_user, table_name, row_id, action, old_json, new_json)
		VALUES (?, ?, ?, ?, ?, ?, ?)`
	if pg {
		query = `INSERT INTO audit_log (at, os_user, table_name, row_id, action, old_json, new_json)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`
	}
	text := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	for _, e := range entries {
		if _, err := db.Exec(query, e.At.UTC().Format("2006-01-02T15:04:05Z"), e.OSUser, e.Table, e.RowID,
			e.Action, text(e.OldJSON), text(e.NewJSON)); err != nil {
			tb.Fatalf("add audit entry %+v: %v", e, err)
		}
	}
}
