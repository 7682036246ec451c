package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
)

// searchDelay is how long the Children screen's count waits after the
// clerk's last key: the count walks every match, so typing «Ахметов»
// counts once, not seven times.
const searchDelay = 150 * time.Millisecond

// pickDelay is how long a child picker waits after the last key before it
// asks the store. Its page of 20 takes 6–7 ms on a region's file and a
// newer key cancels it, so it can answer within 100 ms of the last key and
// still ask once for a burst of quick keys.
const pickDelay = 80 * time.Millisecond

// debouncer runs the last of a burst of calls once the keys have rested,
// cancelling the run of an earlier call still under way. Its methods run
// on the UI goroutine.
type debouncer struct {
	gen    int
	timer  *time.Timer
	cancel context.CancelFunc
}

// call schedules run after wait (at once for 0); a newer call replaces it.
// run gets a context cancelled by the next call and its number for current.
func (d *debouncer) call(parent context.Context, wait time.Duration, run func(ctx context.Context, gen int)) {
	d.stop()
	gen := d.gen
	start := func() {
		if gen != d.gen {
			return // a newer key came while the timer fired
		}
		var ctx context.Context
		ctx, d.cancel = context.WithCancel(parent)
		run(ctx, gen)
	}
	if wait <= 0 {
		start()
		return
	}
	d.timer = time.AfterFunc(wait, func() { fyne.Do(start) })
}

// current tells whether run gen is still the newest: an older answer that
// comes late must not overwrite a newer one.
func (d *debouncer) current(gen int) bool { return gen == d.gen }

// stop drops the waiting call and cancels the running one.
func (d *debouncer) stop() {
	d.gen++
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	if d.cancel != nil {
		d.cancel()
		d.cancel = nil
	}
}
