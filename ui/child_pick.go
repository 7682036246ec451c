package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/mektepkezhol/app/data"
)

// childPicks is how many matches a child picker offers.
const childPicks = 20

// childSearch is the search of every child picker (the give form, the
// appeal's child, the coverage case): the Children screen's indexed query
// cut to the first matches, asked at each key as the Children screen's
// page is, a newer query cancelling the older.
type childSearch struct {
	u      *App
	name   string                             // for the timing hooks: give, appeal, coverage
	minLen int                                // shorter queries find nothing
	run    loader                             // ui/loader.go: a newer query cancels the older
	wait   answerWait                         // how long a key waits for its matches (ui/children_find.go)
	answer func(q string, found []data.Child) // on the UI goroutine
}

func newChildSearch(u *App, name string, minLen int, answer func(q string, found []data.Child)) *childSearch {
	c := &childSearch{u: u, name: name, minLen: minLen, answer: answer}
	c.wait.limit = firstPageWait
	return c
}

// onChanged takes the search box's text and asks the store at once: its
// page of 20 takes 3–8 ms on the stress file (300k children) and the next
// key cancels it, so the matches of the last key come with no wait for
// the keys to rest, in the frame after the key when they come within
// firstPageWait. A short query answers nothing.
func (c *childSearch) onChanged(q string) {
	if len([]rune(strings.TrimSpace(q))) < c.minLen {
		c.run.stop()
		c.answer(q, nil)
		return
	}
	sent := time.Now()
	key := c.u.timings.keyTime(sent) // the clerk's key, for the timings
	ctx, gen, _ := c.run.start(c.u.ctx, "", true)
	soon(&c.wait, func() (picks, bool) { // ui/children_find.go
		found, err := findChildPicks(ctx, c.u.st, q)
		return picks{found, err}, !errors.Is(err, context.Canceled) // else the clerk typed on
	}, func(p picks) {
		if !c.run.current(gen) {
			return // the clerk typed on
		}
		c.run.done(gen)
		if p.err != nil {
			showError(c.u.win, p.err)
			return
		}
		c.answer(q, p.found)
		c.u.timings.answerShown(c.name, len(p.found), sent, key) // ui/timings.go
	})
}

// picks is a picker's answer, or its failure.
type picks struct {
	found []data.Child
	err   error
}

// findChildPicks asks the store for the first matches of q in the
// Children screen's order, through its indexed search.
func findChildPicks(ctx context.Context, st Store, q string) ([]data.Child, error) {
	return st.FindChildPicks(ctx, q, childPicks)
}
