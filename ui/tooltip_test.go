package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// TestCellCutsOnlyTextsThatDoNotFit: a cell's text is drawn whole while it
// fits, with an ellipsis once the cell is narrower than it (a narrower
// column, or a longer text), and whole again when the cell widens.
func TestCellCutsOnlyTextsThatDoNotFit(t *testing.T) {
	test.NewTempApp(t)
	l := newTipLabel(nil)
	w := test.NewTempWindow(t, container.NewWithoutLayout(l))
	w.Resize(fyne.NewSize(800, 100))
	name := "Ахметова Айгерім Серікқызы"
	wide := fyne.NewSize(textWidth(name, fyne.TextStyle{})+4, 36)
	narrow := fyne.NewSize(wide.Width/2, 36)
	drawn := func() string {
		var b strings.Builder
		walk(l, func(o fyne.CanvasObject) {
			if x, ok := o.(*canvas.Text); ok && x.Visible() {
				b.WriteString(x.Text)
			}
		})
		return b.String()
	}
	cut := func(what string) {
		t.Helper()
		got := drawn()
		if !strings.HasSuffix(got, "…") || !strings.HasPrefix(name, strings.TrimSuffix(got, "…")) || got == "…" {
			t.Errorf("%s: drawn %q, want the start of %q and «…»", what, got, name)
		}
	}
	l.Resize(wide)
	l.setText(name)
	if got := drawn(); got != name {
		t.Errorf("a text that fits: drawn %q, want %q", got, name)
	}
	l.Resize(narrow)
	cut("the cell narrowed")
	l.Resize(wide)
	if got := drawn(); got != name {
		t.Errorf("the cell widened again: drawn %q, want %q", got, name)
	}
	l.setText("Ә")
	l.Resize(narrow)
	if got := drawn(); got != "Ә" {
		t.Errorf("a short text in the narrow cell: drawn %q", got)
	}
	l.setText(name)
	cut("a longer text into the narrow cell")
}
