package data_test

import (
	"bytes"
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

// encryptedDaily makes the day's daily copy of a database holding the
// hand-written child, encrypted as set says, and checks what every mode
// shares: an age file, 0600, none of the child's words, and no way in
// without a key.
func encryptedDaily(t *testing.T, st *data.Store, set data.Settings, keyDir string) (copyPath, plain string) {
	t.Helper()
	ctx := context.Background()
	plain = filepath.Join(t.TempDir(), "plain.db")
	if err := st.Backup(ctx, plain); err != nil {
		t.Fatal(err)
	}
	rcpt, err := data.AutoBackupRecipient(set, keyDir)
	if err != nil || rcpt == nil {
		t.Fatalf("recipient: %v, %v", rcpt, err)
	}
	res, err := data.AutoBackupWith(ctx, st, data.AutoBackupOptions{Dir: t.TempDir(), Recipient: rcpt})
	if err != nil || !strings.HasSuffix(res.Path, "-2019-09-20.sqlite.gz.age") {
		t.Fatalf("encrypted daily copy: %+v, %v", res, err)
	}
	if fi, err := os.Stat(res.Path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("copy mode %v, %v; want 0600", fi.Mode(), err)
	}
	if ok, _ := data.IsEncryptedBackup(res.Path); !ok {
		t.Fatal("the daily copy is not an age file")
	}
	if got := leaks(t, res.Path); len(got) > 0 {
		t.Fatalf("the encrypted daily copy shows %v", got)
	}
	if _, err := data.CheckBackup(ctx, res.Path); !errors.Is(err, data.ErrEncryptedBackup) {
		t.Fatalf("check without a key: %v, want ErrEncryptedBackup", err)
	}
	if _, _, err := data.OpenBackup(res.Path, data.BackupKeys{}); !errors.Is(err, data.ErrEncryptedBackup) {
		t.Fatalf("open without a key: %v, want ErrEncryptedBackup", err)
	}
	return res.Path, plain
}

// opensTo opens the copy with keys and restores it into a new database
// equal to want, which shows the child (so the leak test could fail).
func opensTo(t *testing.T, copyPath string, keys data.BackupKeys, want string) {
	t.Helper()
	ctx := context.Background()
	dec, done, err := data.OpenBackup(copyPath, keys)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	if fi, err := os.Stat(dec); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("decrypted copy mode %v, %v", fi.Mode(), err)
	}
	if got := leaks(t, dec); len(got) != 4 {
		t.Fatalf("the decrypted copy shows %v, want all four words", got)
	}
	target := filepath.Join(t.TempDir(), "restored.db")
	if _, err := data.Restore(ctx, target, dec, time.Now()); err != nil {
		t.Fatal(err)
	}
	if datatest.DumpFile(t, target) != datatest.DumpFile(t, want) {
		t.Fatal("the restored database differs from the database")
	}
	done()
	if _, err := os.Stat(filepath.Dir(dec)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the decrypted copy is left: %v", err)
	}
}

// Key mode: the key file is made once, 0600, and opens the copies
// without a question.
func TestEncryptedDailyBackupKeyFile(t *testing.T) {
	st := mustOpen(t)
	mustAgeChild(t, st)
	keyDir := filepath.Join(t.TempDir(), "config", "mektepkezhol")
	set := data.DefaultSettings()
	set.Extra[data.ExtraBackupEncrypt] = data.BackupEncryptKey
	copyPath, plain := encryptedDaily(t, st, set, keyDir)
	fi, err := os.Stat(data.BackupKeyPath(keyDir))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file %v, %v; want 0600", fi, err)
	}
	key, _ := os.ReadFile(data.BackupKeyPath(keyDir))
	again, err := data.EnsureBackupKey(keyDir)
	if err != nil {
		t.Fatal(err)
	}
	if now, _ := os.ReadFile(data.BackupKeyPath(keyDir)); !bytes.Equal(now, key) || !strings.Contains(string(key), again.(interface{ String() string }).String()) {
		t.Fatal("the key file was made again")
	}
	opensTo(t, copyPath, data.BackupKeys{Dir: keyDir}, plain)
	// another user's folder, without the key, cannot
	if _, _, err := data.OpenBackup(copyPath, data.BackupKeys{Dir: t.TempDir()}); !errors.Is(err, data.ErrEncryptedBackup) {
		t.Fatalf("open without the key file: %v, want ErrEncryptedBackup", err)
	}
}

// Passphrase mode: the passphrase is stored nowhere, the copies are made
// without it, and the restore needs it; a wrong one changes nothing.
func TestEncryptedDailyBackupPassphrase(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	mustAgeChild(t, st)
	keyDir := t.TempDir()
	const pass, wrong = "Қарағанды қаласы 2026", "Қарағанды қаласы 2025"
	if _, err := data.SetBackupPassphrase(keyDir, "қысқа"); !errors.Is(err, data.ErrWeakPassphrase) {
		t.Fatalf("a short passphrase: %v", err)
	}
	rcpt, err := data.SetBackupPassphrase(keyDir, pass)
	if err != nil {
		t.Fatal(err)
	}
	set, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set.Extra[data.ExtraBackupEncrypt] = data.BackupEncryptPassphrase
	if _, err := data.AutoBackupRecipient(set, keyDir); !errors.Is(err, data.ErrNoBackupKey) {
		t.Fatalf("passphrase mode without its key: %v, want ErrNoBackupKey", err)
	}
	set.Extra[data.ExtraBackupRecipient] = rcpt
	if err := st.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	locked, err := os.ReadFile(data.BackupPassphraseKeyPath(keyDir))
	if err != nil || bytes.Contains(locked, []byte("AGE-SECRET-KEY")) || bytes.Contains(locked, []byte(pass)) {
		t.Fatalf("the locked key shows its secret (%v)", err)
	}
	if fi, _ := os.Stat(data.BackupPassphraseKeyPath(keyDir)); fi.Mode().Perm() != 0o600 {
		t.Fatalf("locked key mode %v", fi.Mode())
	}
	copyPath, plain := encryptedDaily(t, st, set, keyDir)
	if b, _ := os.ReadFile(st.Path()); !datatest.OnServer() && bytes.Contains(b, []byte(pass)) {
		t.Fatal("the database holds the passphrase")
	}
	if _, _, err := data.OpenBackup(copyPath, data.BackupKeys{Dir: keyDir}); !errors.Is(err, data.ErrEncryptedBackup) {
		t.Fatalf("open without the passphrase: %v, want ErrEncryptedBackup", err)
	}
	before, _ := os.ReadFile(copyPath)
	target := filepath.Join(t.TempDir(), "target.db")
	if err := st.Backup(ctx, target); err != nil {
		t.Fatal(err)
	}
	targetBefore, _ := os.ReadFile(target)
	if _, _, err := data.OpenBackup(copyPath, data.BackupKeys{Dir: keyDir, Passphrase: wrong}); !errors.Is(err, data.ErrWrongPassphrase) {
		t.Fatalf("a wrong passphrase: %v, want ErrWrongPassphrase", err)
	}
	after, _ := os.ReadFile(copyPath)
	targetAfter, _ := os.ReadFile(target)
	if !bytes.Equal(before, after) || !bytes.Equal(targetBefore, targetAfter) {
		t.Fatal("a wrong passphrase changed a file")
	}
	opensTo(t, copyPath, data.BackupKeys{Dir: keyDir, Passphrase: pass}, plain)
	// a new passphrase later: the earlier copies still open with the earlier one
	if _, err := data.SetBackupPassphrase(keyDir, "жаңа құпиясөз, ұзын"); err != nil {
		t.Fatal(err)
	}
	opensTo(t, copyPath, data.BackupKeys{Dir: keyDir, Passphrase: pass}, plain)
}
