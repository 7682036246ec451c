package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// loader keeps a screen to one load at a time: a newer load cancels the
// older one, and a load asked for again while the same one runs (the clerk
// left the screen and came back) joins it instead of starting a second.
// Its methods run on the UI goroutine.
type loader struct {
	key     string
	gen     int
	running bool
	cancel  context.CancelFunc
}

// start begins a load of key and returns its context and number; ok is
// false when a load of the same key runs already and fresh is false.
func (l *loader) start(parent context.Context, key string, fresh bool) (ctx context.Context, gen int, ok bool) {
	if l.running && l.key == key && !fresh {
		return nil, 0, false
	}
	l.stop()
	ctx, l.cancel = context.WithCancel(parent)
	l.gen++
	l.key, l.running = key, true
	return ctx, l.gen, true
}

// current tells whether load gen is still the newest one.
func (l *loader) current(gen int) bool { return gen == l.gen }

// done marks load gen finished, if it is the newest.
func (l *loader) done(gen int) {
	if gen == l.gen {
		l.running = false
	}
}

// stop cancels the running load; its answer, if it still comes, is stale.
func (l *loader) stop() {
	if l.cancel != nil {
		l.cancel()
		l.cancel = nil
	}
	l.gen++
	l.running = false
}

// more loads the page after the rows on screen (fetch) and hands it to
// show, unless a newer load started meanwhile; the «more» button waits
// while it loads.
func more[T any](u *App, l *loader, button *widget.Button, fetch func() ([]T, error), show func([]T)) {
	gen := l.gen
	button.Disable()
	background(func() {
		rows, err := fetch()
		fyne.Do(func() {
			button.Enable() // a newer load that dropped this page leaves it usable
			if !l.current(gen) {
				return
			}
			if err != nil {
				showError(u.win, err)
				return
			}
			show(rows)
		})
	})
}

// loadInto runs fetch off the UI goroutine as l's newest load and hands
// its answer to show on the UI goroutine, unless a newer load or the
// clerk leaving the screen (l.stop) has cancelled it since: an older
// answer is never painted over a newer one. busy, if any, turns once the
// load has taken busySlow; leaving the screen stops it with stopSpin.
func loadInto[T any](u *App, l *loader, busy *spinner, fetch func(context.Context) (T, error), show func(T)) {
	ctx, gen, _ := l.start(u.ctx, "", true)
	if busy != nil {
		spinWhenSlow(busy, func() bool { return l.running && l.current(gen) })
	}
	background(func() {
		if ctx.Err() != nil {
			return // overtaken or left before it began: nothing to ask
		}
		v, err := fetch(ctx)
		fyne.Do(func() {
			if !l.current(gen) {
				return // a newer load took over, or the screen was left
			}
			l.done(gen)
			if busy != nil {
				stopSpin(busy)
			}
			if err != nil {
				showError(u.win, err)
				return
			}
			show(v)
		})
	})
}

// leave cancels l's load as its screen is left and stops its spinner.
func (l *loader) leave(busy *spinner) {
	l.stop()
	if busy != nil {
		stopSpin(busy)
	}
}
