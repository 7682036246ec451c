package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadOnlyDatabase: a database on a write-protected medium — the file
// 0444 in a folder 0555, read by a user who owns neither (as root, the
// test runs the CLI as «nobody», since root ignores file modes) — still
// answers summary and check, with the figures of the writable original,
// and nothing is written beside it: no -wal, no -shm, the bytes unchanged.
func TestReadOnlyDatabase(t *testing.T) {
	dir, err := os.MkdirTemp("", "readonly")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755); os.RemoveAll(dir) })
	bin := filepath.Join(dir, "mektepkezhol-cli")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "office.db")
	if code, _, stderr := cli(t, "--db", db, "demo", "--children", "60", "--sponsors", "8", "--distributions", "90"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	code, want, stderr := cli(t, "--db", db, "summary", "--campaign", "2019", "--json")
	if code != 0 {
		t.Fatalf("summary of the writable file: exit %d: %s", code, stderr)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, string, error) {
		argv := append([]string{bin, "--db", db}, args...)
		if os.Geteuid() == 0 {
			argv = append([]string{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"}, argv...)
		}
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		return out.String(), errb.String(), err
	}
	got, stderr, err := run("summary", "--campaign", "2019", "--json")
	if err != nil {
		t.Fatalf("summary of the read-only file: %v: %s", err, stderr)
	}
	if got != want {
		t.Errorf("summary read-only:\n%s\nwant (writable):\n%s", got, want)
	}
	if out, stderr, err := run("check"); err != nil || !strings.HasPrefix(out, "ok: ") {
		t.Errorf("check of the read-only file: %v: %s%s", err, out, stderr)
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(db + side); err == nil {
			t.Errorf("%s written beside a read-only database", side)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the read-only database's bytes changed")
	}
}
