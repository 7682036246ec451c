package data_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// A database of schema 6 keeps its audit log through migration 0007, which
// builds the SQLite table again to allow the access records, and the
// table still refuses an action it does not know.
func TestMigrationKeepsTheAuditLog(t *testing.T) {
	sqliteOnly(t)
	path := filepath.Join(t.TempDir(), "v6.db")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	files, err := filepath.Glob("migrations/000[1-6]_*.sql")
	if err != nil || len(files) != 6 {
		t.Fatalf("migrations 1–6: %v, %v", files, err)
	}
	if _, err := db.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for i, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if _, err := db.Exec(`INSERT INTO schema_migrations VALUES (?, '2019-01-01')`, i+1); err != nil {
			t.Fatal(err)
		}
	}
	// the log of schema 6, written by hand
	_, err = db.Exec(`INSERT INTO audit_log (id, at, os_user, table_name, row_id, action, old_json, new_json) VALUES
		(41, '2019-08-01T05:00:00Z', 'aigerim', 'children', 3, 'insert', NULL, '{"Surname":"Әлиева"}'),
		(42, '2019-08-02T05:00:00Z', 'bolat', 'children', 3, 'update', '{"Surname":"Әлиева"}', '{"Surname":"Әлиқызы"}')`)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.RecordAccess(ctx, data.AccessCard, 3, 1); err != nil {
		t.Fatal(err)
	}
	got, total, err := st.FindAuditPage(ctx, data.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != 3 || got[0].ID != 43 || got[0].Action != data.ActionAccess ||
		got[1].ID != 42 || got[1].OldJSON != `{"Surname":"Әлиева"}` || got[2].OSUser != "aigerim" {
		t.Fatalf("audit log after migration=%+v (total %d)", got, total)
	}
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`INSERT INTO audit_log (at, os_user, table_name, row_id, action) VALUES ('x', 'x', 'x', 0, 'peek')`); err == nil {
		t.Fatal("the rebuilt audit log took an unknown action")
	}
}
