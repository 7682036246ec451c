package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// TestNoViewerShowsWhere writes a document on a PC without a PDF viewer:
// the clerk is told where it is and can open its folder.
func TestNoViewerShowsWhere(t *testing.T) {
	u, _ := newTestUI(t)
	var opened []string
	old := openDocument
	openDocument = func(_ fyne.App, path string) error {
		opened = append(opened, path)
		return errors.New("no application knows .pdf")
	}
	t.Cleanup(func() { openDocument = old })
	path := filepath.Join(t.TempDir(), "есеп.pdf")
	if err := os.WriteFile(path, []byte("%PDF-1.4"), 0o600); err != nil {
		t.Fatal(err)
	}
	u.openOrShow(path)
	if msg := overlayText(u.win); !strings.Contains(msg, lang.L("docs.no_viewer")) {
		t.Fatalf("the clerk is not told the document has no viewer:\n%s", msg)
	}
	var shown bool
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*lineEntry); ok && e.Text == path {
			shown = true
		}
	})
	if !shown {
		t.Fatal("the document's path is not shown")
	}
	tapOverlayButton(t, u.win, lang.L("docs.open_folder"))
	if len(opened) != 2 || opened[1] != filepath.Dir(path) {
		t.Fatalf("opened %v, want the document then its folder", opened)
	}
}
