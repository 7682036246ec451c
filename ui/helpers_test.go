package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// newTestUI builds the workspace headless over a small demo database (a
// file, or a schema on the test server in make test's server pass) and
// runs the background loads synchronously.
func newTestUI(t *testing.T) (*App, *data.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st := demoStore(t)
	oldBg, oldToday := background, today
	background = func(work func()) { work() }
	today = func() time.Time { return data.Date(2019, 9, 2) }
	t.Cleanup(func() { background, today = oldBg, oldToday; setLanguage("kk") })
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1366, 768))
	u := New(a, w, st)
	u.searchWait = 0 // the Children count comes with its page
	return u, st
}

// walk visits o and everything drawn inside it.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, fn)
		}
	}
}

// overlayText returns the text of the labels in the top overlay (a dialog).
func overlayText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	var b strings.Builder
	walk(top, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		}
	})
	return b.String()
}

// tapOverlayButton taps the button with text in the top overlay.
func tapOverlayButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	var found *widget.Button
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in the dialog; it says:\n%s", text, overlayText(w))
	}
	test.Tap(found)
}

func mustValidBIN(t *testing.T, serial int) string {
	t.Helper()
	for ; ; serial++ {
		if b, ok := data.MakeBIN(data.Date(2015, 3, 1), '4', serial); ok {
			return string(b)
		}
	}
}

// widgetButton finds a button by its text inside o.
func widgetButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(o, func(x fyne.CanvasObject) {
		if b, ok := x.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// demoStore opens the test's database with a small demo campaign: 300
// children, 20 sponsors, 300 distributions.
func demoStore(t *testing.T) *data.Store {
	t.Helper()
	st, err := data.Open(datatest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.FillDemo(context.Background(), data.DemoOptions{Children: 300, Sponsors: 20, Distributions: 300}); err != nil {
		t.Fatal(err)
	}
	return st
}

// asEntry finds the Fyne entry inside one of the app's one-line entries.
func asEntry(o fyne.CanvasObject) (*widget.Entry, bool) {
	switch x := o.(type) {
	case *widget.Entry:
		return x, true
	case *lineEntry:
		return &x.Entry, true
	}
	return nil, false
}

// shownIDs loads every page of the children's list, as scrolling to its
// end does, and returns the IDs in the rows' order.
func (s *childrenScreen) shownIDs() []int64 {
	var ids []int64
	for row := range s.total {
		s.cell(row, 0) // loads the row's page (inline in tests)
		c, ok := s.childAt(row)
		if !ok {
			return append(ids, -1) // a blank row: the caller's comparison fails
		}
		ids = append(ids, c.ID)
	}
	return ids
}
