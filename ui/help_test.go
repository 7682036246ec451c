package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// TestF1OpensEveryScreensPage walks every screen in kk and in ru and
// presses F1 as the clerk would: on the window, on the screens' list that
// holds the keyboard after a click, and through the menu. Each time the
// help shows the screen's own page of docs/guide in the clerk's language.
func TestF1OpensEveryScreensPage(t *testing.T) {
	u, _ := newTestUI(t)
	f1 := &fyne.KeyEvent{Name: fyne.KeyF1}
	for _, code := range []string{"kk", "ru"} {
		st := u.settings
		st.Language = code
		u.applySettings(st)
		for _, name := range screenOrder {
			u.show(name, nil)
			want := helpPage(name)

			u.win.Canvas().OnTypedKey()(f1)
			checkHelpPage(t, u, code, name, want)

			u.help.win.Close()
			u.win.Canvas().Focus(u.nav)
			u.nav.TypedKey(f1)
			checkHelpPage(t, u, code, name+" (list focused)", want)

			u.help.show("01-setup") // another page, so the menu must change it back
			menuItem(t, u, lang.L("menu.help"), lang.L("help.screen")).Action()
			checkHelpPage(t, u, code, name+" (menu)", want)
		}
	}
}

// TestHelpLinksOpenPages follows the contents page's links to the task
// pages inside the help window.
func TestHelpLinksOpenPages(t *testing.T) {
	u, _ := newTestUI(t)
	u.show(scrDashboard, nil)
	u.showHelp()
	var links []*widget.HyperlinkSegment
	eachSegment(u.help.text.Segments, func(s widget.RichTextSegment) {
		if l, ok := s.(*widget.HyperlinkSegment); ok {
			links = append(links, l)
		}
	})
	if len(links) < 10 {
		t.Fatalf("the contents page has %d links, want one to each of the 10 tasks", len(links))
	}
	for _, l := range links {
		if l.OnTapped == nil {
			t.Fatalf("link %q (%s) would leave the app", l.Text, l.URL)
		}
		l.OnTapped()
		if got, want := u.help.page+".md", l.URL.Path; got != want {
			t.Fatalf("link %q opened %s, want %s", l.Text, got, want)
		}
	}
}

// checkHelpPage checks that the help window shows page of language code,
// as the file docs/guide/<code>/<page>.md has it, and nothing broken.
func checkHelpPage(t *testing.T, u *App, code, screen, page string) {
	t.Helper()
	if u.help == nil {
		t.Fatalf("%s %s: F1 opened no help", code, screen)
	}
	if u.help.lang != code || u.help.page != page {
		t.Fatalf("%s %s: help shows %s/%s, want %s/%s", code, screen, u.help.lang, u.help.page, code, page)
	}
	b, err := os.ReadFile(filepath.Join("..", "docs", "guide", code, page+".md"))
	if err != nil {
		t.Fatal(err)
	}
	title, _, _ := strings.Cut(strings.TrimPrefix(string(b), "# "), "\n")
	segs := u.help.text.Segments
	if len(segs) == 0 {
		t.Fatalf("%s %s: the help page is empty", code, screen)
	}
	if h, ok := segs[0].(*widget.TextSegment); !ok || h.Text != title {
		t.Fatalf("%s %s: the page starts with %#v, want the heading %q", code, screen, segs[0], title)
	}
	if n := len(u.help.text.String()); n < 400 {
		t.Fatalf("%s %s: the page %s has only %d bytes of text", code, screen, page, n)
	}
	eachSegment(segs, func(s widget.RichTextSegment) {
		switch x := s.(type) {
		case *widget.ImageSegment:
			t.Fatalf("%s %s: an image %s is left in the page", code, screen, x.Source)
		case *widget.HyperlinkSegment:
			if !x.URL.IsAbs() && x.OnTapped == nil {
				t.Fatalf("%s %s: link %q to %s leads nowhere in the app", code, screen, x.Text, x.URL)
			}
		}
	})
}

// eachSegment visits the segments and those inside paragraphs and lists.
func eachSegment(segs []widget.RichTextSegment, fn func(widget.RichTextSegment)) {
	for _, s := range segs {
		fn(s)
		switch x := s.(type) {
		case *widget.ParagraphSegment:
			eachSegment(x.Texts, fn)
		case *widget.ListSegment:
			eachSegment(x.Items, fn)
		}
	}
}

// menuItem finds an item of the window's main menu by the labels.
func menuItem(t *testing.T, u *App, menu, item string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == item {
				return it
			}
		}
	}
	t.Fatalf("no menu item %s → %s", menu, item)
	return nil
}
