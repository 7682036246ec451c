package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
)

// A database the app cannot open is said in the window, in the clerk's
// language, with the database named, instead of the app vanishing.
func TestStartFailureIsShown(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	a := test.NewTempApp(t)
	w := a.NewWindow("start")
	setLanguage("ru")
	t.Cleanup(func() { setLanguage("kk") })
	path := filepath.Join(t.TempDir(), "office.db")
	err := fmt.Errorf("%s: schema 9, this app knows up to %d: %w", path, data.SchemaVersion(), data.ErrNewerSchema)
	ShowStartFailure(a, w, path, err)
	text := labelsIn(w.Content())
	for _, want := range []string{lang.L("start.failed"), lang.L("err.newer_schema"), path} {
		if !strings.Contains(text, want) {
			t.Fatalf("window says %q, want %q in it", text, want)
		}
	}
	if strings.Contains(text, lang.L("err.unexpected")) {
		t.Fatalf("a newer schema shown as an unexpected error: %q", text)
	}
}
