package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestOddPaths runs the CLI on a database, a backup and an output whose
// names hold the characters a SQLite URI treats specially (#, ?, %), spaces
// and Cyrillic: each file lands under its own name, 0600.
func TestOddPaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Бөлім #2 ?папка% 41")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "office#2 ?x=1&y%41.db")
	backup := filepath.Join(dir, "көшірме #1?.db")
	pdf := filepath.Join(dir, "есеп %20#?.pdf")
	if code, _, stderr := cli(t, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	if code, _, stderr := cli(t, "--db", db, "backup", "--out", backup); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	if code, _, stderr := cli(t, "--db", db, "report", "--campaign", "2019", "--format", "pdf", "--out", pdf); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	if code, out, stderr := cli(t, "--db", db, "restore", backup); code != 0 {
		t.Fatalf("restore: exit %d: %s%s", code, out, stderr)
	}
	if code, out, _ := cli(t, "--db", db, "check"); code != 0 || !strings.HasPrefix(out, "ok") {
		t.Fatalf("check after restore: exit %d: %s", code, out)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		if e.Name() == "office" || e.Name() == "көшірме " {
			t.Errorf("a file cut short at # or ?: %q", e.Name())
		}
	}
	sort.Strings(names)
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("%v; the folder holds %q", err, names)
	}
	for _, p := range []string{db, backup} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatalf("%v; the folder holds %q", err, names)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", filepath.Base(p), fi.Mode().Perm())
		}
	}
}
