package data_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// fileWithBackup makes a database file with a school, and a backup of it.
func fileWithBackup(t *testing.T) (db, backup string) {
	t.Helper()
	dir := t.TempDir()
	db, backup = filepath.Join(dir, "office.db"), filepath.Join(dir, "bk.db")
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	mustSchool(t, st, 5)
	if err := st.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	return db, backup
}

// TestRestoreRefusesForeignSchema: a backup with a hand-added trigger (the
// next import would have wiped the audit log) is refused, named.
func TestRestoreRefusesForeignSchema(t *testing.T) {
	db, backup := fileWithBackup(t)
	raw, err := sql.Open("sqlite3", backup)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`CREATE TRIGGER wipe AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, err = data.Restore(context.Background(), db, backup, time.Now())
	if !errors.Is(err, data.ErrBadBackup) || !strings.Contains(err.Error(), "trigger wipe") {
		t.Fatalf("restore of a backup with a trigger: %v; want ErrBadBackup naming it", err)
	}
}

// TestRestoreWhileOpen refuses to replace a database another connection
// has open (its writes would vanish); closed, it is restored.
func TestRestoreWhileOpen(t *testing.T) {
	db, backup := fileWithBackup(t)
	ctx := context.Background()
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := data.Restore(ctx, db, backup, time.Now()); !errors.Is(err, data.ErrInUse) {
		st.Close()
		t.Fatalf("restore while open: %v; want ErrInUse", err)
	}
	st.Close()
	now := time.Date(2019, 9, 30, 12, 0, 0, 0, time.UTC)
	first, err := data.Restore(ctx, db, backup, now)
	if err != nil {
		t.Fatal(err)
	}
	// a second restore in the same second keeps its own copy
	second, err := data.Restore(ctx, db, backup, now)
	if err != nil {
		t.Fatal(err)
	}
	if first == second {
		t.Fatalf("both restores kept their copy as %s", first)
	}
	for _, p := range []string{first, second} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v; want a 0600 copy", p, err)
		}
	}
}
