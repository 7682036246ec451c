package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
)

// TestGiveSearchTypedQuicklyShowsTheLastKey types a surname, a key at a
// time, before any answer comes: every key from the second asks the store
// at once, each newer key cancels the older query, and only the whole
// surname's matches show.
func TestGiveSearchTypedQuicklyShowsTheLastKey(t *testing.T) {
	u, cs, held := newHeldUI(t)
	u.show(scrDistributions, nil)
	held.run(false)
	kids, err := cs.FindChildren(context.Background(), data.ChildFilter{Limit: 1})
	if err != nil || len(kids) != 1 {
		t.Fatalf("children: %v (%v)", kids, err)
	}
	surname := kids[0].Surname
	f := u.screens[scrDistributions].(*distributionsScreen).give
	test.Type(f.search, surname)
	if n, want := held.len(), len([]rune(surname))-1; n != want {
		t.Fatalf("%d searches asked while typing %q, want %d (one a key from the second)", n, surname, want)
	}
	held.run(false) // the older ones find their queries cancelled
	if len(f.matches) == 0 || len(f.matches) > childPicks {
		t.Fatalf("%d matches for %q, want 1..%d", len(f.matches), surname, childPicks)
	}
	for _, c := range f.matches {
		if !strings.Contains(strings.ToLower(c.FullName()), strings.ToLower(surname)) {
			t.Fatalf("match %q does not hold %q", c.FullName(), surname)
		}
	}
}

// TestGiveSearchAnswersWithTheKey: matches that come within the picker's
// wait are in the give form when the key's handling ends, so the frame
// after the key shows them.
func TestGiveSearchAnswersWithTheKey(t *testing.T) {
	u, cs := newTestUI(t)
	u.show(scrDistributions, nil)
	kids, err := cs.FindChildren(context.Background(), data.ChildFilter{Limit: 1})
	if err != nil || len(kids) != 1 {
		t.Fatalf("children: %v (%v)", kids, err)
	}
	f := u.screens[scrDistributions].(*distributionsScreen).give
	f.picks.wait.limit = time.Second // a loaded test machine
	background = func(work func()) {
		go func() {
			time.Sleep(5 * time.Millisecond) // the matches come a little after the key
			work()
		}()
	}
	surname := kids[0].Surname
	test.Type(f.search, surname)
	if len(f.matches) == 0 {
		t.Fatalf("after the last key the form offers nothing, want %s's matches", surname)
	}
	for _, c := range f.matches {
		if !strings.Contains(strings.ToLower(c.FullName()), strings.ToLower(surname)) {
			t.Fatalf("match %q does not hold %q", c.FullName(), surname)
		}
	}
}

// TestChildSearchStaleAnswerDropped answers an older query after a newer
// one, in the give form and in the appeal's child link: the newer stays.
func TestChildSearchStaleAnswerDropped(t *testing.T) {
	u, cs, held := newHeldUI(t)
	kids, err := cs.FindChildren(context.Background(), data.ChildFilter{Limit: 2, Offset: 100})
	if err != nil || len(kids) != 2 {
		t.Fatalf("two children: %v (%v)", kids, err)
	}
	older, newer := kids[0], kids[1]
	u.show(scrDistributions, nil)
	held.run(false)
	g := u.screens[scrDistributions].(*distributionsScreen).give
	u.show(scrAppeals, nil)
	held.run(false)
	a := u.screens[scrAppeals].(*appealsScreen).form
	a.newCall()
	for name, c := range map[string]struct {
		search func(string)
		shown  func() []data.Child
	}{
		"give":   {func(q string) { g.search.SetText(q) }, func() []data.Child { return g.matches }},
		"appeal": {func(q string) { a.child.search.SetText(q) }, func() []data.Child { return a.child.found }},
	} {
		c.search(string(older.IIN))
		c.search(string(newer.IIN))
		held.run(true) // the newer answers first, the older after it
		if got := c.shown(); len(got) != 1 || got[0].ID != newer.ID {
			t.Fatalf("%s: shows %v, want only %s", name, got, newer.FullName())
		}
		if top := u.win.Canvas().Overlays().Top(); top != nil {
			t.Fatalf("%s: a dialog over the cancelled search: %s", name, overlayText(u.win))
		}
	}
}
