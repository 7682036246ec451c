package data_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// backup → restore gives back equal data, and the replaced database is
// kept as a dated copy.
func TestBackupRestoreRoundTrip(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	st, _ := mustDemo(t, data.DemoOptions{Children: 200, Sponsors: 20, Distributions: 300})
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.db")
	if err := st.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(backup); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup mode %v, %v; want 0600", fi.Mode(), err)
	}
	// The store stays open and in use while the backup is made; compare
	// with a second backup of the same moment.
	want := datatest.DumpFile(t, backup)
	if got := datatest.DumpFile(t, st.Path()); got != want {
		t.Fatal("backup differs from the database")
	}

	// Change the database after the backup.
	sp := &data.Sponsor{Kind: data.SponsorIndividual, Name: "Кейінгі Демеуші"}
	if err := st.CreateSponsor(ctx, sp); err != nil {
		t.Fatal(err)
	}
	changed := datatest.DumpFile(t, st.Path())
	path := st.Path()
	st.Close()

	now := time.Date(2019, 9, 30, 17, 5, 0, 0, time.UTC)
	kept, err := data.Restore(ctx, path, backup, now)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(kept, "2019-09-30-170500") {
		t.Fatalf("kept copy %q is not dated", kept)
	}
	if got := datatest.DumpFile(t, kept); got != changed {
		t.Fatal("the kept copy is not the database as it was before the restore")
	}
	if got := datatest.DumpFile(t, path); got != want {
		t.Fatal("the restored database differs from the backup")
	}
	st2, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if _, err := st2.FindSponsorByID(ctx, sp.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("sponsor made after the backup: %v, want not found", err)
	}
}

func TestRestoreRefusesBadBackups(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	st := mustOpen(t)
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 500)), 0o600)

	newer := filepath.Join(dir, "newer.db")
	if err := st.Backup(ctx, newer); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (999, '2030-01-01')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	corrupt := filepath.Join(dir, "corrupt.db")
	if err := st.Backup(ctx, corrupt); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(corrupt)
	for i := 4096 + 100; i < len(b) && i < 4096*3; i++ {
		b[i] ^= 0x5a // scramble the second and third pages
	}
	os.WriteFile(corrupt, b, 0o600)

	before := datatest.DumpFile(t, st.Path())
	for _, tt := range []struct {
		name, path string
		want       error
	}{
		{"not a database", garbage, data.ErrBadBackup},
		{"newer schema", newer, data.ErrNewerSchema},
		{"corrupt pages", corrupt, data.ErrBadBackup},
		{"missing", filepath.Join(dir, "none.db"), os.ErrNotExist},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := data.Restore(ctx, st.Path(), tt.path, time.Now()); !errors.Is(err, tt.want) {
				t.Fatalf("restore: %v, want %v", err, tt.want)
			}
		})
	}
	if datatest.DumpFile(t, st.Path()) != before {
		t.Fatal("a refused restore changed the database")
	}
	if kept, _ := filepath.Glob(filepath.Join(filepath.Dir(st.Path()), "*before-restore*")); len(kept) != 0 {
		t.Fatalf("a refused restore kept copies: %v", kept)
	}
}

func TestAutoBackupKeepsTheLastN(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	dir := t.TempDir()
	day := time.Date(2019, 9, 1, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 6; i++ {
		st.Now = func() time.Time { return day.AddDate(0, 0, i) }
		// a change each day, or the day's copy is skipped as unchanged
		if err := st.CreateSponsor(ctx, &data.Sponsor{Kind: data.SponsorIndividual, Name: fmt.Sprintf("Демеуші %d", i)}); err != nil {
			t.Fatal(err)
		}
		path, err := data.AutoBackup(ctx, st, dir, 3)
		if err != nil || path == "" {
			t.Fatalf("day %d: %q, %v", i, path, err)
		}
		// A second start on the same day makes no new copy.
		if again, err := data.AutoBackup(ctx, st, dir, 3); err != nil || again != "" {
			t.Fatalf("day %d again: %q, %v", i, again, err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite.gz"))
	want := []string{"2019-09-04", "2019-09-05", "2019-09-06"}
	if len(files) != len(want) {
		t.Fatalf("kept %v, want %v", files, want)
	}
	for i, f := range files {
		if !strings.Contains(f, want[i]) {
			t.Fatalf("kept %v, want %v", files, want)
		}
		if _, err := data.CheckBackup(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	if infos, _ := filepath.Glob(filepath.Join(dir, "*.info")); len(infos) != 3 {
		t.Fatalf("sidecars %v, want one per kept copy", infos)
	}
}

func TestAutoBackupConfig(t *testing.T) {
	st := data.DefaultSettings()
	dir, keep := data.AutoBackupConfig(st, "/home/clerk/mk/mektepkezhol.db")
	if dir != filepath.Join("/home/clerk/mk", "backups") || keep != 7 {
		t.Fatalf("defaults %q %d", dir, keep)
	}
	st.Extra[data.ExtraBackupDir], st.Extra[data.ExtraBackupKeep] = "/mnt/usb", "30"
	if dir, keep := data.AutoBackupConfig(st, "/x/y.db"); dir != "/mnt/usb" || keep != 30 {
		t.Fatalf("from settings %q %d", dir, keep)
	}
}
