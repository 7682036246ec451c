package data_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// a child written by hand: the words the encrypted file must not show
const (
	ageIIN     = "061211600012"
	ageSurname = "Жұмабекова"
	ageName    = "Айгерім"
	ageAddress = "Бұқар жырау даңғылы, 47"
)

func mustAgeChild(t *testing.T, st *data.Store) {
	t.Helper()
	sc := mustSchool(t, st, 41)
	ch := data.Child{IIN: ageIIN, Surname: ageSurname, Name: ageName, SchoolID: sc.ID, Grade: 3,
		Address: ageAddress, Categories: []data.ChildCategory{{Code: data.CatLowIncome}}}
	if err := st.CreateChild(context.Background(), &ch); err != nil {
		t.Fatal(err)
	}
}

// leaks lists the child's words found in a file's bytes.
func leaks(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, w := range []string{ageIIN, ageSurname, ageName, ageAddress} {
		if bytes.Contains(b, []byte(w)) {
			found = append(found, w)
		}
	}
	return found
}

// An encrypted backup restores to the same data as a plain one of the
// same moment, on both engines, and shows none of a child's words.
func TestEncryptedBackupRoundTrip(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	mustAgeChild(t, st)
	dir := t.TempDir()
	plain, enc := filepath.Join(dir, "plain.db"), filepath.Join(dir, "usb", "backup.age")
	if err := st.Backup(ctx, plain); err != nil {
		t.Fatal(err)
	}
	if err := st.BackupEncrypted(ctx, enc, "қыс келді 2019"); err != nil {
		t.Fatal(err)
	}
	// the check can fail: the plain copy shows the child
	if got := leaks(t, plain); len(got) != 4 {
		t.Fatalf("the plain backup shows %v, want all four words", got)
	}
	if got := leaks(t, enc); len(got) > 0 {
		t.Fatalf("the encrypted backup shows %v", got)
	}
	if fi, err := os.Stat(enc); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("encrypted backup mode %v, %v; want 0600", fi.Mode(), err)
	}
	if ok, err := data.IsEncryptedBackup(enc); err != nil || !ok {
		t.Fatalf("IsEncryptedBackup(encrypted)=%v, %v", ok, err)
	}
	if ok, err := data.IsEncryptedBackup(plain); err != nil || ok {
		t.Fatalf("IsEncryptedBackup(plain)=%v, %v", ok, err)
	}
	if _, err := data.CheckBackup(ctx, enc); !errors.Is(err, data.ErrEncryptedBackup) {
		t.Fatalf("CheckBackup(encrypted) = %v, want ErrEncryptedBackup", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "usb", "*")); len(left) != 1 {
		t.Fatalf("files beside the backup: %v, want only it", left)
	}

	dec, done, err := data.DecryptBackup(enc, "қыс келді 2019")
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	target := filepath.Join(dir, "office.db")
	if _, err := data.Restore(ctx, target, dec, time.Now()); err != nil {
		t.Fatal(err)
	}
	if got, want := datatest.DumpFile(t, target), datatest.DumpFile(t, plain); got != want {
		t.Fatal("the restored database differs from a plain backup of the same moment")
	}
	done()
	if _, err := os.Stat(dec); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the decrypted copy is left behind: %v", err)
	}
}

// A wrong passphrase opens nothing: the office's database stays byte for
// byte as it was and no decrypted copy is made.
func TestEncryptedBackupWrongPassphrase(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	mustAgeChild(t, st)
	dir := t.TempDir()
	enc := filepath.Join(dir, "backup.age")
	if err := st.BackupEncrypted(ctx, enc, "дұрыс құпия сөз"); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "office.db")
	other, err := data.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	before, _ := os.ReadFile(target)
	encBefore, _ := os.ReadFile(enc)

	_, done, err := data.DecryptBackup(enc, "қате құпия сөз")
	if !errors.Is(err, data.ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v, want ErrWrongPassphrase", err)
	}
	if done != nil {
		t.Fatal("a wrong passphrase returned a copy to remove")
	}
	if _, err := data.Restore(ctx, target, enc, time.Now()); !errors.Is(err, data.ErrEncryptedBackup) {
		t.Fatalf("restore of the encrypted file itself: %v, want ErrEncryptedBackup", err)
	}
	if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
		t.Fatal("the database changed")
	}
	if after, _ := os.ReadFile(enc); !bytes.Equal(encBefore, after) {
		t.Fatal("the encrypted backup changed")
	}
	if err := st.BackupEncrypted(ctx, enc, ""); !errors.Is(err, data.ErrNoPassphrase) {
		t.Fatalf("empty passphrase: %v, want ErrNoPassphrase", err)
	}
	if err := st.BackupEncrypted(ctx, enc, "құпия12"); !errors.Is(err, data.ErrWeakPassphrase) {
		t.Fatalf("7 characters: %v, want ErrWeakPassphrase", err)
	}
	if after, _ := os.ReadFile(enc); !bytes.Equal(encBefore, after) {
		t.Fatal("a refused backup changed the encrypted file")
	}
}
