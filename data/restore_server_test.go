package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// A backup file never replaces a server's data, and nothing is created
// where a server's URL would be taken for a path.
func TestRestoreRefusesAServer(t *testing.T) {
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.db")
	st := mustOpen(t)
	if err := st.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir) // a URL taken for a path would make folders here
	_, err := data.Restore(context.Background(), "postgres://clerk@server/region?search_path=abai", backup, time.Now())
	if !errors.Is(err, data.ErrRestoreOnServer) {
		t.Fatalf("err=%v, want ErrRestoreOnServer", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("%d entries in %s after a refused restore, want the backup only", len(entries), dir)
	}
}
