package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/mektepkezhol/app/data"
)

// childPicks is how many matches a child picker offers.
const childPicks = 20

// childSearch is the search of every child picker (the give form, the
// appeal's child, the coverage case): the Children screen's indexed query
// cut to the first matches, debounced, a newer query cancelling the older.
type childSearch struct {
	u      *App
	name   string // for the timing hooks: give, appeal, coverage
	minLen int    // shorter queries find nothing
	deb    debouncer
	answer func(q string, found []data.Child) // on the UI goroutine
}

func newChildSearch(u *App, name string, minLen int, answer func(q string, found []data.Child)) *childSearch {
	return &childSearch{u: u, name: name, minLen: minLen, answer: answer}
}

// onChanged takes the search box's text: the store is asked once the
// clerk stops typing; a short query answers nothing at once.
func (c *childSearch) onChanged(q string) {
	if len([]rune(strings.TrimSpace(q))) < c.minLen {
		c.deb.stop()
		c.answer(q, nil)
		return
	}
	key := c.u.timings.keyTime(time.Now()) // the clerk's key, for the timings
	c.deb.call(c.u.ctx, min(c.u.searchWait, pickDelay), func(ctx context.Context, gen int) {
		sent := time.Now()
		background(func() {
			found, err := findChildPicks(ctx, c.u.st, q)
			fyne.Do(func() {
				if !c.deb.current(gen) || errors.Is(err, context.Canceled) {
					return // the clerk typed on
				}
				if err != nil {
					showError(c.u.win, err)
					return
				}
				c.answer(q, found)
				c.u.timings.answerShown(c.name, len(found), sent, key) // ui/timings.go
			})
		})
	})
}

// findChildPicks asks the store for the first matches of q in the
// Children screen's order, through its indexed search.
func findChildPicks(ctx context.Context, st Store, q string) ([]data.Child, error) {
	return st.FindChildPicks(ctx, q, childPicks)
}
