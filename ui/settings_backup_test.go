package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// TestBackupRestoreRoundTrip backs up, changes the data, restores and
// finds the data as it was, in a store reopened under the app.
func TestBackupRestoreRoundTrip(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	dir := t.TempDir()
	copyPath := filepath.Join(dir, "copy.db")
	u.backupTo(copyPath, nil)
	fi, err := os.Stat(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup is %v, want 0600", fi.Mode().Perm())
	}
	if set, _ := st.Settings(ctx); !strings.HasSuffix(set.Extra[extraLastBackup], copyPath) {
		t.Fatalf("the last backup is not noted: %q", set.Extra[extraLastBackup])
	}
	before, err := st.FindSponsors(ctx, data.SponsorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	sp := &data.Sponsor{Kind: data.SponsorIndividual, Name: "Кейін қосылған демеуші"}
	if err := st.CreateSponsor(ctx, sp); err != nil {
		t.Fatal(err)
	}
	var restoreErr error = os.ErrInvalid
	u.restoreFrom(copyPath, func(err error) { restoreErr = err })
	if datatest.OnServer() {
		// a backup (a SQLite file) never replaces a server's data
		if !errors.Is(restoreErr, data.ErrRestoreOnServer) {
			t.Fatalf("restore on a server: %v, want ErrRestoreOnServer", restoreErr)
		}
		if _, err := st.FindSponsorByID(ctx, sp.ID); err != nil {
			t.Fatalf("the server lost a sponsor to a refused restore: %v", err)
		}
		return
	}
	if restoreErr != nil {
		t.Fatalf("restore: %v", restoreErr)
	}
	now, ok := u.st.(*data.Store)
	if !ok || now == st {
		t.Fatal("the app is not on a reopened store")
	}
	t.Cleanup(func() { now.Close() })
	after, err := now.FindSponsors(ctx, data.SponsorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Fatalf("%d sponsors after the restore, want %d", len(after), len(before))
	}
	if _, err := now.FindSponsorByID(ctx, sp.ID); err == nil {
		t.Fatal("the sponsor added after the backup survived the restore")
	}
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(now.Path()), "*-before-restore-*.db"))
	if len(kept) != 1 {
		t.Fatalf("the replaced database is not kept: %v", kept)
	}
	u.show(scrSponsors, nil)
	if s := u.screens[scrSponsors].(*sponsorsScreen); len(s.rows) == 0 {
		t.Fatal("the sponsors screen is empty after the restore")
	}
}

// TestRestoreRefusesBadFile keeps the database when the file is no backup.
func TestRestoreRefusesBadFile(t *testing.T) {
	u, st := newTestUI(t)
	bad := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(bad, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	var got error
	u.restoreFrom(bad, func(err error) { got = err })
	if got == nil {
		t.Fatal("a file that is no backup was restored")
	}
	if u.st != Store(st) {
		t.Fatal("the store was replaced after a refused restore")
	}
	if _, err := st.FindSponsors(context.Background(), data.SponsorFilter{}); err != nil {
		t.Fatalf("the database is closed after a refused restore: %v", err)
	}
}
