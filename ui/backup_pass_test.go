package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

func TestPassStrength(t *testing.T) {
	for _, tt := range []struct{ pass, want string }{
		{"қысқа", "weak"},                        // 5 characters
		{"Aa1!Aa1!Z", "weak"},                    // 9: under the minimum whatever it holds
		{"abcdefghij", "weak"},                   // 10 of one kind
		{"Qwerty1234", "fair"},                   // 10 of three kinds
		{"abcdefghijklmn", "fair"},               // 14 of one kind
		{"Қарағанды 2026ж", "strong"},            // 15 of four kinds
		{"қыс келді, қар жауды", "strong"},       // 20 of two kinds
		{"ақбозатақбозатақбозатақбоз", "strong"}, // 26 of one kind
	} {
		if got := passStrength(tt.pass); got != tt.want {
			t.Errorf("passStrength(%q) = %s, want %s", tt.pass, got, tt.want)
		}
	}
}

// passwordEntries finds the top dialog's passphrase entries.
func passwordEntries(t *testing.T, w fyne.Window) []*widget.Entry {
	t.Helper()
	var found []*widget.Entry
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := asEntry(o); ok && e.Password {
			found = append(found, e)
		}
	})
	if len(found) == 0 {
		t.Fatalf("no passphrase dialog; the window says:\n%s", overlayText(w))
	}
	return found
}

// The new passphrase is asked twice with its strength; OK waits for a
// long enough one typed the same twice.
func TestNewPassphraseDialog(t *testing.T) {
	u, _ := newTestUI(t)
	var got string
	p := u.askPassphrase(true, func(pass string) { got = pass }, nil)
	e := passwordEntries(t, u.win)
	if len(e) != 2 {
		t.Fatalf("%d entries, want the passphrase and its repeat", len(e))
	}
	test.Type(e[0], "қысқа")
	if !p.ok.Disabled() || !strings.Contains(overlayText(u.win), "төмен") ||
		!strings.Contains(overlayText(u.win), "Тым қысқа: ұзындығы 5, кемінде 10 таңба керек") {
		t.Fatalf("a short passphrase; the dialog says:\n%s", overlayText(u.win))
	}
	e[0].SetText("қыс келді, қар жауды")
	test.Type(e[1], "қыс келді, қар жаузы")
	if !p.ok.Disabled() || !strings.Contains(overlayText(u.win), "Құпиясөздер сәйкес келмейді") {
		t.Fatalf("two different passphrases; the dialog says:\n%s", overlayText(u.win))
	}
	e[1].SetText("қыс келді, қар жауды")
	if p.ok.Disabled() || !strings.Contains(overlayText(u.win), "жоғары") {
		t.Fatalf("a good passphrase; the dialog says:\n%s", overlayText(u.win))
	}
	tapOverlayButton(t, u.win, "Жалғастыру")
	if got != "қыс келді, қар жауды" {
		t.Fatalf("the dialog gave %q", got)
	}
}

// An encrypted backup made in the window restores after its passphrase;
// a wrong one says so in the clerk's language and changes nothing.
func TestEncryptedBackupRestoreInWindow(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	u, st := newTestUI(t)
	ctx := context.Background()
	enc := filepath.Join(t.TempDir(), "usb", "copy.db.age")
	u.backupEncryptedTo(enc, "Қарағанды 2026ж", nil)
	if ok, err := data.IsEncryptedBackup(enc); err != nil || !ok {
		t.Fatalf("the window's encrypted backup: %v, %v", ok, err)
	}
	if datatest.OnServer() {
		return // a server is not replaced by a backup file (TestBackupRestoreRoundTrip)
	}
	sp := &data.Sponsor{Kind: data.SponsorIndividual, Name: "Кейін қосылған демеуші"}
	if err := st.CreateSponsor(ctx, sp); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(st.Path())
	var outcome error = os.ErrInvalid
	u.restoreFrom(enc, func(err error) { outcome = err })
	e := passwordEntries(t, u.win)
	if len(e) != 1 {
		t.Fatalf("%d entries, want the passphrase once", len(e))
	}
	test.Type(e[0], "Қарағанды 2025ж")
	tapOverlayButton(t, u.win, "Жалғастыру")
	if !errors.Is(outcome, data.ErrWrongPassphrase) || !strings.Contains(overlayText(u.win), "Құпиясөз қате") {
		t.Fatalf("a wrong passphrase: %v; the window says:\n%s", outcome, overlayText(u.win))
	}
	if u.st != Store(st) {
		t.Fatal("a wrong passphrase replaced the store")
	}
	if after, _ := os.ReadFile(st.Path()); string(after) != string(before) {
		t.Fatal("a wrong passphrase changed the database")
	}
	if _, err := st.FindSponsorByID(ctx, sp.ID); err != nil {
		t.Fatalf("a wrong passphrase lost a sponsor: %v", err)
	}
	outcome = os.ErrInvalid
	u.restoreFrom(enc, func(err error) { outcome = err })
	test.Type(passwordEntries(t, u.win)[0], "Қарағанды 2026ж")
	tapOverlayButton(t, u.win, "Жалғастыру")
	if outcome != nil {
		t.Fatalf("restore with the passphrase: %v", outcome)
	}
	now := u.st.(*data.Store)
	t.Cleanup(func() { now.Close() })
	if _, err := now.FindSponsorByID(ctx, sp.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("the sponsor added after the backup: %v, want not found", err)
	}
}

// The settings choose the daily copies' encryption: the key mode shows
// its file and warns; the passphrase mode asks it twice; the day's copy is
// then encrypted and the restore asks the passphrase.
func TestDailyBackupEncryptionSettings(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	u, st := newTestUI(t)
	ctx := context.Background()
	b := newBackupPanel(u, &formState{})
	b.buildUI(func() {})
	set, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b.fill(set)
	if b.enc.mode.Selected != "Шифрлаусыз" {
		t.Fatalf("a new database's copies: %q, want not encrypted", b.enc.mode.Selected)
	}
	b.enc.mode.SetSelected("Кілт файлымен")
	key := filepath.Join(config, "mektepkezhol", "backup.key")
	if fi, err := os.Stat(key); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the key file: %v, %v", fi, err)
	}
	if !strings.Contains(b.enc.about.Text, key) || !strings.Contains(b.enc.about.Text, "бұл файлсыз көшірмелерді ашу мүмкін емес") {
		t.Fatalf("the key mode says %q", b.enc.about.Text)
	}
	b.enc.mode.SetSelected("Құпиясөзбен") // no passphrase yet: asked at once
	e := passwordEntries(t, u.win)
	test.Type(e[0], "қыс келді, қар жауды")
	test.Type(e[1], "қыс келді, қар жауды")
	tapOverlayButton(t, u.win, "Жалғастыру")
	if err := b.apply(&set); err != nil {
		t.Fatal(err)
	}
	if set.Extra[data.ExtraBackupEncrypt] != data.BackupEncryptPassphrase || !strings.HasPrefix(set.Extra[data.ExtraBackupRecipient], "age1") {
		t.Fatalf("the settings keep %q, %q", set.Extra[data.ExtraBackupEncrypt], set.Extra[data.ExtraBackupRecipient])
	}
	if err := st.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	u.settings = set
	dir, _ := data.AutoBackupConfig(set, st.Path())
	if datatest.OnServer() {
		return // the window copies no server's data
	}
	// the window's start made today's plain copy: the next one is encrypted
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	u.startAutoBackup()
	copies, _ := filepath.Glob(filepath.Join(dir, "*.sqlite.gz.age"))
	if len(copies) != 1 {
		t.Fatalf("the day's copy: %v, want one encrypted", copies)
	}
	b.fill(set)
	if !strings.Contains(b.space.Text, "МБ (осы дерекқордың 1 күнделікті көшірмесі)") {
		t.Fatalf("the space says %q", b.space.Text)
	}
	var outcome error = os.ErrInvalid
	u.restoreFrom(copies[0], func(err error) { outcome = err })
	test.Type(passwordEntries(t, u.win)[0], "қыс келді, қар жауды")
	tapOverlayButton(t, u.win, "Жалғастыру")
	if outcome != nil {
		t.Fatalf("restore of the encrypted daily copy: %v", outcome)
	}
	t.Cleanup(func() { u.st.(*data.Store).Close() })
}
