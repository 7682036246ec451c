package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report/pdftest"
)

// TestLettersKeptWhenNotMoved: a folder appears where --out is to go while
// the letters are written (another program, racing the batch). The letters
// are registered; the command exits 1 (a command that ran and found
// problems, as before) with an error naming the file the finished letters
// are kept in, and that file holds them.
func TestLettersKeptWhenNotMoved(t *testing.T) {
	// One run of the transaction: the folder must appear during the run
	// that commits, and the replay's first run would meet it instead.
	t.Setenv(data.EnvTxReplay, "0")
	db, donors := lettersDemo(t)
	dir := t.TempDir()
	var out, stdout, stderr string
	var code int
	// The folder is made by a goroutine racing the batch: should the batch
	// win (it writes its file in a few milliseconds), it runs again into
	// another file, its letters reprinted.
	for try := 1; ; try++ {
		out = filepath.Join(dir, fmt.Sprintf("Алғыс хаттар %d.pdf", try))
		blocked, stop := make(chan bool), make(chan struct{})
		go func() { blocked <- blockWhenStaged(dir, out, stop) }()
		code, stdout, stderr = cli(t, "--db", db, "letters", "--campaign", "2019", "--lang", "both", "--out", out)
		close(stop)
		if <-blocked {
			break
		}
		if try == 5 {
			t.Fatalf("the batch was never seen in its stage: exit %d: %s%s", code, stdout, stderr)
		}
	}
	if code != exitProblems {
		t.Fatalf("exit %d, want %d: %s%s", code, exitProblems, stdout, stderr)
	}
	staged, err := filepath.Glob(filepath.Join(dir, ".letters-*", filepath.Base(out)))
	if err != nil || len(staged) != 1 {
		t.Fatalf("kept files %v (%v), want the one", staged, err)
	}
	if !strings.Contains(stderr, "kept in "+staged[0]) || !strings.Contains(stderr, "letters registered") {
		t.Fatalf("stderr %q does not name %s", stderr, staged[0])
	}
	if got, want := len(letterRegister(t, db)), len(donors); got != want {
		t.Fatalf("register holds %d letters, want every donor's %d", got, want)
	}
	if got, want := pdftest.Pages(t, staged[0]), len(donors); got != want {
		t.Fatalf("the kept file has %d pages, want %d (a page for each donor)", got, want)
	}
}

// blockWhenStaged waits, until stop, for a file to be written in a
// letters stage inside dir, then makes a folder at out. It tells whether
// it did.
func blockWhenStaged(dir, out string, stop <-chan struct{}) bool {
	for {
		if files, _ := filepath.Glob(filepath.Join(dir, ".letters-*", "*")); len(files) > 0 {
			return os.Mkdir(out, 0o700) == nil
		}
		select {
		case <-stop:
			return false
		case <-time.After(100 * time.Microsecond):
		}
	}
}
