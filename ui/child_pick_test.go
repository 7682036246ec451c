package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
)

// TestGiveSearchTypedQuicklyAsksOnce types a surname faster than the
// debounce: the store is asked once, for the whole name, and its matches
// show.
func TestGiveSearchTypedQuicklyAsksOnce(t *testing.T) {
	u, cs, held := newHeldUI(t)
	u.searchWait = 150 * time.Millisecond
	u.show(scrDistributions, nil)
	held.run(false)
	kids, err := cs.FindChildren(context.Background(), data.ChildFilter{Limit: 1})
	if err != nil || len(kids) != 1 {
		t.Fatalf("children: %v (%v)", kids, err)
	}
	surname := kids[0].Surname
	f := u.screens[scrDistributions].(*distributionsScreen).give
	before := cs.childPicks.Load()
	test.Type(f.search, surname)
	deadline := time.Now().Add(5 * time.Second)
	for held.len() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(2 * u.searchWait) // a second query, if one were coming
	if n := held.len(); n != 1 {
		t.Fatalf("%d searches queued after typing %q, want 1", n, surname)
	}
	held.run(false)
	if got := cs.childPicks.Load() - before; got != 1 {
		t.Fatalf("store asked %d times, want 1", got)
	}
	if len(f.matches) == 0 || len(f.matches) > childPicks {
		t.Fatalf("%d matches for %q, want 1..%d", len(f.matches), surname, childPicks)
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
