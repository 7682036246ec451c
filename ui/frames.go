package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// frameGap is a little over one tick of the window's loop (60 a second):
// a tick comes while a part waits, so the loop paints what the run before
// added before the next part runs — even the window's first frame, whose
// loop may start with parts already queued.
const frameGap = 17 * time.Millisecond

// inFrames runs parts on the UI goroutine one after another, each once the
// window has most likely had a frame to paint what the run before it added
// (the loop picks between a waiting tick and a queued run at random). A
// large screen then shows its top at once and builds the rest in short
// runs: built, laid out and painted in one go, the dashboard's figures and
// both charts took one 80–100 ms paint at the window's start on the stress
// database, and the coverage register's list, form and events 90 ms under
// load; the window answered nothing meanwhile. The timing hooks wait for
// the parts, the top bar's spinner does not (staging); tests, which make
// background synchronous, get every part before it returns. Call it on
// the UI goroutine.
func inFrames(parts ...func()) {
	if len(parts) == 0 {
		return
	}
	staging.Add(1)
	background(func() {
		defer staging.Add(-1)
		fyne.DoAndWait(func() {}) // the run that asked has ended
		for _, part := range parts {
			time.Sleep(frameGap)
			fyne.DoAndWait(part)
		}
	})
}
