package ui

import (
	"context"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
)

// TestChildrenListPages scrolls the whole list page by page: every child
// shows once, in the store's (alphabetical) order, and the count is the
// store's; a deep page opened first (a jump) shows the same rows.
func TestChildrenListPages(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	// the Kazakh alphabet: Әлімжанов after Ахметов, Іргебаев after Ыбыраев
	for i, name := range [][2]string{{"Ыбыраев", "Нұрлан"}, {"Іргебаев", "Нұрлан"}, {"Әлімжанов", "Бекзат"}, {"Ахметова", "Ая"}} {
		iin, _ := data.MakeIIN(data.Date(2012, 1, 1+i), "M", 900+i)
		c := data.Child{IIN: iin, Surname: name[0], Name: name[1], Grade: 2}
		if err := st.CreateChild(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	want, err := st.FindChildIDs(ctx, data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) <= 2*childPage {
		t.Fatalf("%d children: the test needs more than two pages", len(want))
	}
	// a jump to the third page before the second is loaded
	s.cell(2*childPage+5, 0)
	if c, ok := s.childAt(2*childPage + 5); !ok || c.ID != want[2*childPage+5] {
		t.Fatalf("row %d after a jump: #%d (loaded %v), want #%d", 2*childPage+5, c.ID, ok, want[2*childPage+5])
	}
	if got := s.shownIDs(); s.total != len(want) || !slices.Equal(got, want) {
		t.Fatalf("the list shows %d rows, want the store's %d in its order", len(got), len(want))
	}
	var order []string
	for row := range s.total {
		if c, _ := s.childAt(row); slices.Contains([]string{"Ахметова", "Әлімжанов", "Ыбыраев", "Іргебаев"}, c.Surname) {
			order = append(order, c.Surname)
		}
	}
	if order = slices.Compact(order); !slices.Equal(order, []string{"Ахметова", "Әлімжанов", "Ыбыраев", "Іргебаев"}) {
		t.Fatalf("the list has %v, want Ахметова, Әлімжанов, Ыбыраев, Іргебаев (the Kazakh alphabet)", order)
	}
	// a search starts again from the top, with its own count
	test.Type(s.search, "нұрлан")
	n, _ := st.CountChildren(ctx, data.ChildFilter{Query: "нұрлан"})
	if got := s.shownIDs(); s.total != n || len(got) != n || slices.Contains(got, -1) {
		t.Fatalf("«нұрлан» shows %d rows, the store counts %d", s.total, n)
	}
}

// TestChildrenListPrefetches: drawing the second half of a page loads the
// next one before any of its rows is drawn, so a steady scroll shows no
// blank rows.
func TestChildrenListPrefetches(t *testing.T) {
	u, _ := newTestUI(t)
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	if s.total <= 2*childPage {
		t.Fatalf("%d children: the test needs more than two pages", s.total)
	}
	s.cell(childPage/2-1, 0)
	if _, ok := s.pages[1]; ok {
		t.Fatal("the second page loaded while the first half of the first was drawn")
	}
	s.cell(childPage/2, 0)
	if _, ok := s.pages[1]; !ok {
		t.Fatal("the second page is not loaded when the second half of the first is drawn")
	}
	s.blanks = 0
	for row := childPage / 2; row < 2*childPage; row++ {
		s.cell(row, 0)
	}
	if s.blanks != 0 {
		t.Fatalf("%d rows drawn blank in a steady scroll", s.blanks)
	}
}

// childCountingStore counts the Children screen's counts.
type childCountingStore struct {
	*data.Store
	counts atomic.Int32
}

// runOne runs the oldest work held.
func (h *heldWork) runOne() {
	h.mu.Lock()
	w := h.queue[0]
	h.queue = h.queue[1:]
	h.mu.Unlock()
	w()
}

func (c *childCountingStore) CountChildren(ctx context.Context, f data.ChildFilter) (int, error) {
	c.counts.Add(1)
	return c.Store.CountChildren(ctx, f)
}

// TestChildrenCountWaitsForKeysToRest: a typed search shows its first
// page with «…» for the count, and counts only once the keys have rested;
// a key typed meanwhile drops the older count before it reaches the store.
func TestChildrenCountWaitsForKeysToRest(t *testing.T) {
	a := test.NewTempApp(t)
	cs := &childCountingStore{Store: demoStore(t)}
	held := &heldWork{} // ui/distributions_test.go
	oldBg := background
	background = held.add
	t.Cleanup(func() { background = oldBg })
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1366, 768))
	u := New(a, w, cs)
	u.searchWait = 0
	held.run(false)
	u.show(scrChildren, nil)
	held.run(false)
	s := u.screens[scrChildren].(*childrenScreen)
	s.wait.limit = 0 // the pages land as held.run runs them
	ctx := context.Background()
	n, err := cs.Store.CountChildren(ctx, data.ChildFilter{Query: "ан"})
	if err != nil {
		t.Fatal(err)
	}
	if n <= childPage {
		t.Fatalf("«ан» matches %d children: the test needs more than a page", n)
	}
	u.searchWait = 50 * time.Millisecond
	before := cs.counts.Load()
	test.Type(s.search, "а")
	held.runOne() // «а»'s page: shown, its count queued
	counting, shown := s.count.Text, s.total
	waited := make(chan struct{})
	go func() { // «а»'s count waits for the keys to rest
		held.runOne()
		close(waited)
	}()
	test.Type(s.search, "н") // a key meanwhile
	<-waited
	held.run(false) // «ан»: its page, its count after the wait
	if counting != "Барлығы: …" || shown != childPage {
		t.Fatalf("while the count waits: %q and %d rows, want «Барлығы: …» and the first page's %d", counting, shown, childPage)
	}
	if got := cs.counts.Load() - before; got != 1 {
		t.Fatalf("%d counts ran, want 1: «а»'s was dropped while it waited", got)
	}
	if want := lang.L("list.count", map[string]any{"N": number(int64(n))}); s.count.Text != want || s.total != n {
		t.Fatalf("after the keys rested: %q and %d rows, want %q and %d", s.count.Text, s.total, want, n)
	}
}

// TestChildrenSearchAnswersWithTheKey: a typed search's first page that
// comes within the wait is in the table when the key's handling ends, so
// the frame after the key shows the answer; a slower page does not hold
// the key longer than the wait and lands when it comes, and after two
// such the keys do not wait (a server far off) until a page is quick again.
func TestChildrenSearchAnswersWithTheKey(t *testing.T) {
	u, _ := newTestUI(t)
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	s.wait.limit = time.Second // a loaded test machine
	u.searchWait = time.Minute // the counts wait for the next key, which cancels them, and touch nothing meanwhile
	background = func(work func()) {
		go func() {
			time.Sleep(5 * time.Millisecond) // the page comes a little after the key
			work()
		}()
	}
	test.Type(s.search, "ан")
	if s.listed.Query != "ан" || s.total == 0 {
		t.Fatalf("after the key the table lists %q (%d rows), want «ан»'s first page", s.listed.Query, s.total)
	}
	held := &heldWork{} // ui/distributions_test.go: the page never comes by itself
	u.searchWait = 0
	background = held.add
	s.wait.limit = 30 * time.Millisecond
	start := time.Now()
	test.Type(s.search, "с")
	if took := time.Since(start); took > time.Second || s.listed.Query != "ан" {
		t.Fatalf("a page not come: the key took %v and the table lists %q, want «ан» still, within the wait", took, s.listed.Query)
	}
	time.Sleep(s.wait.limit) // the page comes later than the wait
	held.run(false)
	if s.listed.Query != "анс" {
		t.Fatalf("the page came late and the table lists %q, want «анс»", s.listed.Query)
	}
	start = time.Now()
	test.Type(s.search, "т") // one slow page alone changes nothing: this key waits for its own
	if took := time.Since(start); took < s.wait.limit {
		t.Fatalf("after one slow page the next key waited %v, want the whole wait (%v)", took, s.wait.limit)
	}
	time.Sleep(s.wait.limit) // and it too comes later
	held.run(false)
	s.wait.limit = time.Second
	start = time.Now()
	test.Type(s.search, "ы")
	if took := time.Since(start); took >= s.wait.limit/2 {
		t.Fatalf("after two slow pages the next key waited %v for its own", took)
	}
	held.run(false) // at once: quick again
	start = time.Now()
	test.Type(s.search, "қ")
	if took := time.Since(start); took < s.wait.limit {
		t.Fatalf("after a quick page the next key waited %v, want the whole wait (%v) for a page that does not come", took, s.wait.limit)
	}
	held.run(false)
	if s.listed.Query != "анстық" {
		t.Fatalf("the table lists %q, want «анстық»", s.listed.Query)
	}
}
