package data_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// TestFindBackups lists the automatic, hand-made and kept copies newest
// first with what each holds, and never the live database.
func TestFindBackups(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	st, c := mustDemo(t, data.DemoOptions{Children: 50, Sponsors: 12, Distributions: 40})
	autoDir, elsewhere := t.TempDir(), t.TempDir()
	morning := filepath.Join(autoDir, data.AutoBackupPrefix+"2019-09-20.db")
	if err := st.Backup(ctx, morning); err != nil {
		t.Fatal(err)
	}
	donations := func() int {
		ds, err := st.FindDonations(ctx, data.DonationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(ds)
	}
	before := donations()
	sp := &data.Sponsor{Kind: data.SponsorIndividual, Name: "Түстен кейінгі демеуші"}
	if err := st.CreateSponsor(ctx, sp); err != nil {
		t.Fatal(err)
	}
	d := &data.Donation{SponsorID: sp.ID, CampaignID: c.ID, DonatedOn: data.Date(2019, 9, 20), MoneyTenge: 5000}
	if err := st.CreateDonation(ctx, d); err != nil {
		t.Fatal(err)
	}
	noon := filepath.Join(elsewhere, "қолмен.db")
	if err := st.Backup(ctx, noon); err != nil {
		t.Fatal(err)
	}
	// a file that is no database, in the automatic folder
	junk := filepath.Join(autoDir, data.AutoBackupPrefix+"broken.db")
	if err := os.WriteFile(junk, []byte("no database"), 0o600); err != nil {
		t.Fatal(err)
	}
	at := func(path string, hour int) {
		tm := time.Date(2019, 9, 20, hour, 41, 0, 0, time.Local)
		if err := os.Chtimes(path, tm, tm); err != nil {
			t.Fatal(err)
		}
	}
	at(morning, 8)
	at(noon, 12)
	at(junk, 7)

	var set data.Settings
	set.Extra = map[string]string{}
	data.NoteManualBackup(&set, st.Path()) // even if noted, the live file is never offered
	data.NoteManualBackup(&set, noon)
	got := data.FindBackups(ctx, st.Path(), autoDir, data.ManualBackups(set))
	if len(got) != 3 {
		t.Fatalf("%d backups, want 3: %+v", len(got), got)
	}
	want := []struct {
		base                          string
		kind                          data.BackupKind
		hour                          int
		sponsors, children, donations int
	}{
		{"қолмен.db", data.BackupManual, 12, 13, 50, before + 1},
		{data.AutoBackupPrefix + "2019-09-20.db", data.BackupAuto, 8, 12, 50, before},
		{data.AutoBackupPrefix + "broken.db", data.BackupAuto, 7, 0, 0, 0},
	}
	for i, w := range want {
		b := got[i]
		if filepath.Base(b.Path) != w.base || b.Kind != w.kind || b.Taken.Hour() != w.hour {
			t.Fatalf("backup %d: %s %s %v, want %s %s at %d:41", i, b.Path, b.Kind, b.Taken, w.base, w.kind, w.hour)
		}
		if b.Sponsors != w.sponsors || b.Children != w.children || b.Donations != w.donations {
			t.Fatalf("%s holds %d/%d/%d, want %d/%d/%d", w.base, b.Sponsors, b.Children, b.Donations,
				w.sponsors, w.children, w.donations)
		}
		if fi, _ := os.Stat(b.Path); b.Size != fi.Size() {
			t.Fatalf("%s: size %d, want %d", w.base, b.Size, fi.Size())
		}
	}
	if got[2].Err == nil {
		t.Fatal("a file that is no database is listed without its error")
	}
	if !data.IsLiveDatabase(st.Path(), st.Path()) || data.IsLiveDatabase(noon, st.Path()) {
		t.Fatal("IsLiveDatabase does not tell the live file from a copy")
	}
}
