package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
	"github.com/mektepkezhol/app/ui"
)

// gui is the workspace over a small demo database with the office's
// documents, saving into a temporary Documents folder.
type gui struct {
	u    *ui.App
	w    fyne.Window
	st   *data.Store
	c    data.Campaign
	docs string // the Documents folder
}

func newGUI(t *testing.T) *gui {
	t.Helper()
	return newGUIOn(t, datatest.DSN(t)) // a file, or a schema in the server pass
}

// newGUIOn is newGUI over the database dsn names, a file or a server's.
func newGUIOn(t *testing.T, dsn string) *gui {
	t.Helper()
	return newGUIWith(t, dsn, func(d documents) ui.Documents { return d })
}

// newGUIWith is newGUIOn with the documents wrapped by docs.
func newGUIWith(t *testing.T, dsn string, docs func(documents) ui.Documents) *gui {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home) // the default folder is $HOME/Documents
	a := test.NewTempApp(t)
	st, err := data.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	if err := st.FillDemo(ctx, data.DemoOptions{Children: 300, Sponsors: 20, Distributions: 300}); err != nil {
		t.Fatal(err)
	}
	c, err := st.FindCampaignByYear(ctx, 2019)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ui.Inline()) // the background work on the test's goroutine, as the driver wants
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1366, 768))
	u := ui.New(a, w, st, ui.WithDocuments(func(st *data.Store) ui.Documents { return docs(documents{st}) }))
	return &gui{w: w, st: st, c: c, docs: filepath.Join(home, "Documents"), u: u}
}

// goTo opens a screen through the «Go» menu.
func (g *gui) goTo(t *testing.T, screen string) {
	t.Helper()
	for _, m := range g.w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == lang.L("nav."+screen) {
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item for %s", screen)
}

// settingsCard opens the settings on the tab of the card titled key.
func (g *gui) settingsCard(t *testing.T, key string) {
	t.Helper()
	g.goTo(t, "settings")
	tabs := find(t, g.w.Content(), func(*container.AppTabs) bool { return true })
	for _, it := range tabs.Items {
		if it.Text == lang.L(key) {
			tabs.Select(it)
			return
		}
	}
	t.Fatalf("no settings tab %s", key)
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

func find[T fyne.CanvasObject](t *testing.T, o fyne.CanvasObject, ok func(T) bool) T {
	t.Helper()
	var found T
	var got bool
	walk(o, func(x fyne.CanvasObject) {
		if w, is := x.(T); is && !got && ok(w) {
			found, got = w, true
		}
	})
	if !got {
		t.Fatalf("no %T as wanted in %T", found, o)
	}
	return found
}

func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	return find(t, o, func(b *widget.Button) bool { return b.Text == text })
}

// radio selects the option in the radio group that offers it.
func radio(t *testing.T, o fyne.CanvasObject, option string) {
	t.Helper()
	r := find(t, o, func(r *widget.RadioGroup) bool {
		for _, x := range r.Options {
			if x == option {
				return true
			}
		}
		return false
	})
	r.SetSelected(option)
}

func overlayText(w fyne.Window) string {
	var b strings.Builder
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		}
	})
	return b.String()
}

// eventually waits for the background work to reach cond.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(60 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("gave up waiting for %s", what)
		}
	}
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

func (g *gui) letters(t *testing.T) int {
	t.Helper()
	ls, err := g.st.FindLetters(context.Background(), g.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return len(ls)
}

func (g *gui) unthanked(t *testing.T) []data.SponsorRow {
	t.Helper()
	rows, err := g.st.FindSponsors(context.Background(), data.SponsorFilter{CampaignID: g.c.ID, Unthanked: true})
	if err != nil || len(rows) == 0 {
		t.Fatalf("unthanked donors: %d, %v", len(rows), err)
	}
	return rows
}

// openLetters taps «Алғыс хат» on the sponsors screen and picks the
// donors not yet thanked.
func (g *gui) openLetters(t *testing.T) {
	t.Helper()
	g.goTo(t, "sponsors")
	test.Tap(button(t, g.w.Content(), lang.L("sponsors.letter")))
	radio(t, g.w.Canvas().Overlays().Top(), lang.L("letters.scope.unthanked"))
}
