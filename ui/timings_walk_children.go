package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// walkChildren types walkQueries into the Children screen's search, a key
// every 40 ms (each answer is a "search" event named children), again at a
// fast typist's pace (typistGap; the events' steps say «pace»), then
// scrolls the whole list as a wheel does, 20 rows every 50 ms through
// 2,000 rows, and writes the rows drawn blank meanwhile ("scroll"), and
// jumps to the list's middle ("jump": until its rows are drawn).
func (u *App) walkChildren(t *timings) {
	s := u.screens[scrChildren].(*childrenScreen)
	t.stepTo("children: open")
	fyne.DoAndWait(func() { u.show(scrChildren, nil) })
	u.waitIdle()
	for _, q := range walkQueries {
		t.stepTo("children: type " + q)
		t.typeSlowly(s.search, q)
		u.waitIdle()
	}
	for _, q := range walkQueries {
		t.stepTo("children: pace " + q)
		t.typeEvery(s.search, q, typistGap)
		u.waitIdle()
	}
	t.stepTo("children: clear")
	fyne.DoAndWait(func() { s.search.SetText("") })
	u.waitIdle()
	t.stepTo("children: scroll")
	fyne.DoAndWait(func() { s.blanks = 0 })
	for row := 0; row <= 2000; row += 20 {
		fyne.DoAndWait(func() { s.table.table.ScrollTo(widget.TableCellID{Row: row}) })
		time.Sleep(50 * time.Millisecond)
	}
	u.waitIdle()
	var blanks, total int
	fyne.DoAndWait(func() { blanks, total = s.blanks, s.total })
	t.write(timingEvent{Ev: "scroll", Name: scrChildren, Rows: blanks})
	t.stepTo("children: jump")
	start := time.Now()
	fyne.DoAndWait(func() { s.table.table.ScrollTo(widget.TableCellID{Row: total / 2}) })
	waitFor(func() bool { _, ok := s.childAt(total / 2); return ok })
	t.write(timingEvent{Ev: "jump", Name: scrChildren, Ms: time.Since(start).Milliseconds(), Rows: total / 2})
}

// waitFor returns once cond, asked on the UI goroutine, holds, or after 10 s.
func waitFor(cond func() bool) {
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		ok := false
		fyne.DoAndWait(func() { ok = cond() })
		if ok {
			return
		}
	}
}
