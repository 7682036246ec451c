package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// backup --auto writes the compressed daily copy once a day, names it by
// the database, and restore reads it back; with the settings' key mode the
// copy is encrypted and restored with the key file, asking nothing.
func TestBackupAutoCompressedAndRestored(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	db, copies := filepath.Join(dir, "office.db"), filepath.Join(dir, "copies")
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	sp := data.Sponsor{Kind: data.SponsorIndividual, Name: "Ерте демеуші"}
	if err := st.CreateSponsor(ctx, &sp); err != nil {
		t.Fatal(err)
	}
	set, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set.Extra[data.ExtraBackupEncrypt] = data.BackupEncryptKey
	if err := st.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, stdout, stderr := cli(t, "--db", db, "backup", "--auto", "--dir", copies)
	if code != 0 {
		t.Fatalf("backup --auto: exit %d: %s", code, stderr)
	}
	found, _ := filepath.Glob(filepath.Join(copies, "office-????-??-??.sqlite.gz.age"))
	if len(found) != 1 || !strings.Contains(stdout, found[0]) {
		t.Fatalf("copies %v; said %q", found, stdout)
	}
	code, stdout, _ = cli(t, "--db", db, "backup", "--auto", "--dir", copies)
	if code != 0 || !strings.Contains(stdout, "today's backup already exists") {
		t.Fatalf("again: exit %d, %q", code, stdout)
	}
	// a sponsor added after the copy is gone after its restore
	st, err = data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	late := data.Sponsor{Kind: data.SponsorIndividual, Name: "Кеш демеуші"}
	if err := st.CreateSponsor(ctx, &late); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, stdout, stderr = cli(t, "--db", db, "restore", found[0])
	if code != 0 || !strings.Contains(stdout, "restored") {
		t.Fatalf("restore: exit %d, %q %s", code, stdout, stderr)
	}
	st, err = data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.FindSponsorByID(ctx, late.ID); err == nil {
		t.Fatal("the sponsor added after the copy survived its restore")
	}
	if _, err := st.FindSponsorByID(ctx, sp.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "mektepkezhol", "backup.key")); err != nil {
		t.Fatal(err)
	}
}
