package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// cliStdin runs the command line with stdin holding text.
func cliStdin(t *testing.T, text string, args ...string) (int, string, string) {
	t.Helper()
	stdin = strings.NewReader(text)
	t.Cleanup(func() { stdin = os.Stdin })
	return cli(t, args...)
}

func TestBackupEncryptFlags(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "office.db")
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	sc := data.School{Number: 12, NameKK: "мектеп", Type: data.SchoolGeneral}
	if err := st.CreateSchool(ctx, &sc); err != nil {
		t.Fatal(err)
	}
	ch := data.Child{IIN: "061211600012", Surname: "Жұмабекова", Name: "Айгерім", SchoolID: sc.ID, Grade: 3}
	if err := st.CreateChild(ctx, &ch); err != nil {
		t.Fatal(err)
	}
	st.Close()
	enc := filepath.Join(dir, "usb", "office.age")

	for _, tt := range []struct {
		name  string
		stdin string
		args  []string
	}{
		{"passphrase without --encrypt", "қысқы каникул 2019\n", []string{"backup", "--out", enc, "--passphrase-stdin"}},
		{"--encrypt with --auto", "қысқы каникул 2019\n", []string{"backup", "--auto", "--encrypt", "--passphrase-stdin"}},
		{"no terminal, no --passphrase-stdin", "қысқы каникул 2019\n", []string{"backup", "--out", enc, "--encrypt"}},
		{"empty first line", "\nқысқы каникул 2019\n", []string{"backup", "--out", enc, "--encrypt", "--passphrase-stdin"}},
		{"too short", "құпия12\n", []string{"backup", "--out", enc, "--encrypt", "--passphrase-stdin"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := cliStdin(t, tt.stdin, append([]string{"--db", db}, tt.args...)...)
			if code != exitUsage {
				t.Fatalf("exit %d, want %d: %s", code, exitUsage, stderr)
			}
			if _, err := os.Stat(enc); err == nil {
				t.Fatal("a refused backup wrote the file")
			}
		})
	}

	code, out, stderr := cliStdin(t, "қысқы каникул 2019\n", "--db", db, "backup", "--out", enc, "--encrypt", "--passphrase-stdin")
	if code != 0 || !strings.Contains(out, enc) {
		t.Fatalf("backup --encrypt: exit %d, %q, %s", code, out, stderr)
	}
	b, err := os.ReadFile(enc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("age-encryption.org/v1\n")) {
		t.Fatalf("not an age file: %q", b[:min(len(b), 40)])
	}
	for _, w := range []string{"061211600012", "Жұмабекова", "Айгерім"} {
		if bytes.Contains(b, []byte(w)) {
			t.Fatalf("the encrypted backup shows %q", w)
		}
	}
	if fi, _ := os.Stat(enc); fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", fi.Mode())
	}

	target := filepath.Join(dir, "other.db")
	if code, _, stderr := cli(t, "--db", target, "demo"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	before, _ := os.ReadFile(target)
	code, _, stderr = cliStdin(t, "жазғы каникул 2019\n", "--db", target, "restore", "--passphrase-stdin", enc)
	if code == 0 || !strings.Contains(stderr, "Құпиясөз қате") || !strings.Contains(stderr, "Неверный пароль") {
		t.Fatalf("wrong passphrase: exit %d, %q; want the kk and ru message", code, stderr)
	}
	if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
		t.Fatal("a wrong passphrase changed the database")
	}
	if code, _, stderr = cliStdin(t, "", "--db", target, "restore", enc); code != exitUsage {
		t.Fatalf("encrypted without a passphrase: exit %d, want %d: %s", code, exitUsage, stderr)
	}

	code, out, stderr = cliStdin(t, "қысқы каникул 2019\n", "--db", target, "restore", "--passphrase-stdin", enc)
	if code != 0 || !strings.Contains(out, "restored "+enc) {
		t.Fatalf("restore: exit %d, %q, %s", code, out, stderr)
	}
	st, err = data.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.FindChildByIIN(ctx, "061211600012")
	if err != nil || got.Name != "Айгерім" {
		t.Fatalf("restored child %+v, %v", got, err)
	}
}
