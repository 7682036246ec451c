package office_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/cmd/internal/office"
	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report/pdftest"
)

// TestPrintLettersKeptWhenNotMoved: another program makes a folder where
// a letters file is to go while the batch is being written, so the file
// cannot take its name after the letters were registered. The finished
// file stays where it was written, named in the error and the result; the
// other files of the batch still take their names.
func TestPrintLettersKeptWhenNotMoved(t *testing.T) {
	runs := 1 // the closure's runs: the replay runs it twice, and only the last writes the files kept
	if os.Getenv(data.EnvTxReplay) == "1" {
		runs = 2
	}
	for _, each := range []bool{false, true} {
		name := map[bool]string{false: "one file", true: "one per sponsor"}[each]
		t.Run(name, func(t *testing.T) {
			st, c := mustDemo(t)
			ctx := context.Background()
			before := letterCount(t, st, c)
			dir := filepath.Join(t.TempDir(), "хаттар")
			req := office.LettersRequest{Lang: "kk", OutDir: dir}
			if !each {
				req = office.LettersRequest{Lang: "kk", Out: filepath.Join(t.TempDir(), "all.pdf")}
				dir = filepath.Dir(req.Out)
			}
			var blocked string // the final name a folder took
			ends := 0
			res, err := office.PrintLetters(ctx, st, c, req, func(done, total int) {
				if done < total {
					return
				}
				if ends++; ends == runs {
					blocked = blockFinalName(t, dir, req.Out)
				}
			})
			var kept *office.LettersKeptError
			if !errors.As(err, &kept) || blocked == "" {
				t.Fatalf("err=%v (blocked %q), want the letters kept", err, blocked)
			}
			// every donor's letter, the new ones registered
			issued, after := res.Issued, letterCount(t, st, c)
			if issued != after || issued-res.Reprinted != after-before || after == before {
				t.Fatalf("result: %d issued, %d new; the register went from %d to %d", issued, issued-res.Reprinted, before, after)
			}
			if len(res.Kept) != 1 || kept.Final != blocked || !strings.Contains(err.Error(), res.Kept[0]) {
				t.Fatalf("kept %v, error %q; want the one file meant for %s, named", res.Kept, err, blocked)
			}
			pages := issued
			if each {
				pages = 1
				if len(res.Files) != issued-1 {
					t.Fatalf("%d files took their names, want the other %d", len(res.Files), issued-1)
				}
			}
			if got := pdftest.Pages(t, res.Kept[0]); got != pages {
				t.Fatalf("the kept file has %d pages, want %d", got, pages)
			}
			if fi, err := os.Stat(res.Kept[0]); err != nil || fi.Mode().Perm() != 0o600 {
				t.Fatalf("the kept file: %v, mode %v; want 0600", err, fi.Mode())
			}
		})
	}
}

// blockFinalName makes a folder at the final name of a file being written
// in the batch's stage (inside dir): out, or the name of the stage's first
// file. It returns that name.
func blockFinalName(t *testing.T, dir, out string) string {
	t.Helper()
	if out == "" {
		stages, err := filepath.Glob(filepath.Join(dir, ".letters-*"))
		if err != nil || len(stages) != 1 {
			t.Fatalf("stages %v, %v", stages, err)
		}
		files, err := os.ReadDir(stages[0])
		if err != nil || len(files) == 0 {
			t.Fatalf("staged %v, %v", files, err)
		}
		out = filepath.Join(dir, files[0].Name())
	}
	if err := os.MkdirAll(filepath.Join(out, "папка"), 0o700); err != nil {
		t.Fatal(err)
	}
	return out
}
