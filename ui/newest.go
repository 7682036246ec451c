package ui

import "context"

// newest keeps only the newest of a run of searches: starting one cancels
// the one still under way, and an older answer that comes late is
// dropped. Its methods run on the UI goroutine.
type newest struct {
	gen    int
	cancel context.CancelFunc
}

// start cancels the search under way and gives the new one its context
// and its number for current.
func (n *newest) start(parent context.Context) (context.Context, int) {
	n.stop()
	ctx, cancel := context.WithCancel(parent)
	n.cancel = cancel
	return ctx, n.gen
}

// current tells whether search gen is still the newest: an older answer
// that comes late must not overwrite a newer one.
func (n *newest) current(gen int) bool { return gen == n.gen }

// stop cancels the search under way and drops its answer.
func (n *newest) stop() {
	n.gen++
	if n.cancel != nil {
		n.cancel()
		n.cancel = nil
	}
}
