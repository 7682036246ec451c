package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// openNamed opens a new database called name: a file name.db in a temp
// folder, or a fresh schema on the test server.
func openNamed(t *testing.T, name string) *data.Store {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), name+".db")
	if datatest.OnServer() {
		dsn = datatest.DSN(t)
	}
	st, err := data.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func on(st *data.Store, y, m, d int) {
	st.Now = func() time.Time { return time.Date(y, time.Month(m), d, 9, 0, 0, 0, time.UTC) }
}

// The daily copy of the city demo is a gzip file a fraction of the
// database's size that restores to an equal database.
func TestAutoBackupCityDemo(t *testing.T) {
	ctx := context.Background()
	opt, _ := data.DemoScale("city")
	st, _ := mustDemo(t, opt)
	dir := t.TempDir()
	plain := filepath.Join(t.TempDir(), "plain.db")
	if err := st.Backup(ctx, plain); err != nil { // the database as the old daily copy held it
		t.Fatal(err)
	}
	start := time.Now()
	path, err := data.AutoBackup(ctx, st, dir, 7)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if want := data.BackupName(st.Path()) + "-2019-09-20.sqlite.gz"; filepath.Base(path) != want {
		t.Fatalf("copy %s, want %s", filepath.Base(path), want)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("copy mode %v, %v; want 0600", fi.Mode(), err)
	}
	head := make([]byte, 2)
	f, _ := os.Open(path)
	f.Read(head)
	f.Close()
	if head[0] != 0x1f || head[1] != 0x8b {
		t.Fatalf("the copy starts %x, not gzip", head)
	}
	db, _ := os.Stat(plain)
	ratio := float64(fi.Size()) / float64(db.Size())
	t.Logf("city demo: database %d bytes, daily copy %d bytes = %.1f%%, written in %v",
		db.Size(), fi.Size(), 100*ratio, took.Round(time.Millisecond))
	if ratio > 0.40 {
		t.Fatalf("the copy is %.1f%% of the database, want at most 40%%", 100*ratio)
	}
	if v, err := data.CheckBackup(ctx, path); err != nil || v != data.SchemaVersion() {
		t.Fatalf("check: %d, %v", v, err)
	}
	target := filepath.Join(t.TempDir(), "restored.db")
	if _, err := data.Restore(ctx, target, path, time.Now()); err != nil {
		t.Fatal(err)
	}
	if datatest.DumpFile(t, target) != datatest.DumpFile(t, plain) {
		t.Fatal("the restored database differs from the database")
	}
	found := data.FindBackups(ctx, st.Path(), dir, nil)
	if len(found) != 1 || found[0].Path != path || found[0].Children != opt.Children || found[0].Err != nil {
		t.Fatalf("the backups list: %+v, want the copy with %d children", found, opt.Children)
	}
	if left, _ := os.ReadDir(dir); len(left) != 2 { // the copy and its sidecar
		t.Fatalf("left in the folder: %v", left)
	}
}

// A day with no change writes no copy; one change writes the next.
func TestAutoBackupSkipsUnchanged(t *testing.T) {
	ctx := context.Background()
	st := openNamed(t, "office")
	dir := t.TempDir()
	// a copy cut short two days ago left its plain snapshot
	stale := filepath.Join(dir, ".mektepkezhol-123")
	if err := os.MkdirAll(stale, 0o700); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-48 * time.Hour)
	os.Chtimes(stale, old, old)
	on(st, 2026, 12, 1)
	first, err := data.AutoBackupWith(ctx, st, data.AutoBackupOptions{Dir: dir})
	if err != nil || first.Path == "" {
		t.Fatalf("first copy: %+v, %v", first, err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the stale snapshot folder is left: %v", err)
	}
	on(st, 2026, 12, 2)
	res, err := data.AutoBackupWith(ctx, st, data.AutoBackupOptions{Dir: dir})
	if err != nil || res.Path != "" || res.Same != first.Path {
		t.Fatalf("unchanged day: %+v, %v; want no copy, same as %s", res, err, first.Path)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Fatalf("the unchanged day left %v", entries)
	}
	if err := st.CreateSponsor(ctx, &data.Sponsor{Kind: data.SponsorIndividual, Name: "Жаңа демеуші"}); err != nil {
		t.Fatal(err)
	}
	// the day was found unchanged at its first start: a later start that
	// day takes no snapshot (the day's copy is of its first start, as ever)
	if again, err := data.AutoBackupWith(ctx, st, data.AutoBackupOptions{Dir: dir}); err != nil || again.Same != first.Path {
		t.Fatalf("a later start of the unchanged day: %+v, %v", again, err)
	}
	on(st, 2026, 12, 3)
	res, err = data.AutoBackupWith(ctx, st, data.AutoBackupOptions{Dir: dir})
	if err != nil || !strings.HasSuffix(res.Path, "-2026-12-03.sqlite.gz") {
		t.Fatalf("after a change: %+v, %v", res, err)
	}
	res, err = data.AutoBackupWith(ctx, st, data.AutoBackupOptions{Dir: dir})
	if err != nil || !res.Today || res.Path != "" {
		t.Fatalf("again the same day: %+v, %v", res, err)
	}
}

// Two databases backed up into one folder the same day get a copy each,
// and keep-N of one never removes the other's.
func TestAutoBackupPerDatabase(t *testing.T) {
	ctx := context.Background()
	city, district := openNamed(t, "city"), openNamed(t, "district")
	if data.BackupName(city.Path()) == data.BackupName(district.Path()) {
		t.Fatalf("two databases, one name %q", data.BackupName(city.Path()))
	}
	dir := t.TempDir()
	change := func(st *data.Store, name string) {
		if err := st.CreateSponsor(ctx, &data.Sponsor{Kind: data.SponsorIndividual, Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	for d := 1; d <= 2; d++ {
		on(district, 2026, 12, d)
		change(district, "Аудан демеушісі")
		if p, err := data.AutoBackup(ctx, district, dir, 2); err != nil || p == "" {
			t.Fatalf("district day %d: %q, %v", d, p, err)
		}
	}
	for d := 1; d <= 5; d++ {
		on(city, 2026, 12, d)
		change(city, "Қала демеушісі")
		if p, err := data.AutoBackup(ctx, city, dir, 2); err != nil || p == "" {
			t.Fatalf("city day %d: %q, %v", d, p, err)
		}
	}
	cityCopies, _ := filepath.Glob(filepath.Join(dir, data.BackupName(city.Path())+"-*.sqlite.gz"))
	districtCopies, _ := filepath.Glob(filepath.Join(dir, data.BackupName(district.Path())+"-*.sqlite.gz"))
	if len(cityCopies) != 2 || !strings.Contains(cityCopies[0], "2026-12-04") || !strings.Contains(cityCopies[1], "2026-12-05") {
		t.Fatalf("city keeps %v, want 4 and 5 December", cityCopies)
	}
	if len(districtCopies) != 2 || !strings.Contains(districtCopies[0], "2026-12-01") {
		t.Fatalf("the district's copies %v, want both kept", districtCopies)
	}
	size, n := data.AutoBackupSpace(dir, city.Path())
	var want int64
	for _, p := range cityCopies {
		fi, _ := os.Stat(p)
		want += fi.Size()
	}
	if n != 2 || size != want {
		t.Fatalf("space %d bytes in %d copies, want %d in 2", size, n, want)
	}
}

// A cut compressed copy is refused with a clear error and changes nothing.
func TestRestoreRefusesCutBackup(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	st, _ := mustDemo(t, data.DemoOptions{Children: 200, Sponsors: 20, Distributions: 300})
	path, err := data.AutoBackup(ctx, st, t.TempDir(), 7)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.sqlite.gz")
	if err := os.WriteFile(cut, b[:len(b)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	before := datatest.DumpFile(t, st.Path())
	if _, err := data.CheckBackup(ctx, cut); !errors.Is(err, data.ErrCutBackup) {
		t.Fatalf("check of a cut copy: %v, want ErrCutBackup", err)
	}
	if _, err := data.Restore(ctx, st.Path(), cut, time.Now()); !errors.Is(err, data.ErrBadBackup) {
		t.Fatalf("restore of a cut copy: %v, want ErrBadBackup", err)
	}
	if datatest.DumpFile(t, st.Path()) != before {
		t.Fatal("a refused restore changed the database")
	}
	if kept, _ := filepath.Glob(filepath.Join(filepath.Dir(st.Path()), "*before-restore*")); len(kept) != 0 {
		t.Fatalf("a refused restore kept copies: %v", kept)
	}
}
