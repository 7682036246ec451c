package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
	"github.com/mektepkezhol/app/report/pdftest"
	"github.com/mektepkezhol/app/ui"
)

// blocking wraps the documents so that, as the last page is written,
// another program makes a folder where the letters file is to go.
type blocking struct{ documents }

func (b blocking) PrintLetters(ctx context.Context, camp data.Campaign, req ui.LettersRequest,
	progress func(done, total int)) (ui.LettersResult, error) {
	runs, ends := 1, 0 // the transaction's runs: the replay's first is rolled back
	if os.Getenv(data.EnvTxReplay) == "1" {
		runs = 2
	}
	return b.documents.PrintLetters(ctx, camp, req, func(done, total int) {
		progress(done, total)
		if done == total {
			if ends++; ends == runs {
				os.Mkdir(req.Out, 0o700)
			}
		}
	})
}

// TestLettersKeptWhenNotMoved: the letters file cannot take its name after
// the letters were registered. The clerk is told (in kk; ru.json has the
// same key, checked by ui's own-language test) that the letters are
// registered and where the finished file is; it is there.
func TestLettersKeptWhenNotMoved(t *testing.T) {
	g := newGUIWith(t, datatest.DSN(t), func(d documents) ui.Documents { return blocking{d} })
	want, before := len(g.unthanked(t)), g.letters(t)
	g.openLetters(t)
	test.Tap(button(t, g.w.Canvas().Overlays().Top(), lang.L("letters.print")))
	name := lang.L("letters.file_name", map[string]any{"Year": g.c.Year}) + ".pdf"
	var kept []string
	eventually(t, "the kept file", func() bool {
		kept, _ = filepath.Glob(filepath.Join(g.docs, ".letters-*", name))
		return len(kept) == 1 && strings.Contains(overlayText(g.w), kept[0])
	})
	said := lang.L("letters.kept", map[string]any{"Where": kept[0]})
	if !strings.Contains(overlayText(g.w), said) {
		t.Fatalf("the clerk is told %q, want %q", overlayText(g.w), said)
	}
	if got := g.letters(t); got != before+want {
		t.Fatalf("register rows=%d, want %d", got, before+want)
	}
	if got := pdftest.Pages(t, kept[0]); got != want {
		t.Fatalf("the kept file has %d pages, want %d", got, want)
	}
}
