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
// window has had a frame to paint what the run before it added. A large
// screen then shows its top at once and builds the rest below the fold
// in short runs: built, laid out and painted in one go, the settings held
// the UI goroutine 60–90 ms and then 95–135 ms for the first paint on the
// stress database, and the window answered nothing meanwhile. It counts
// as background work (the timing hooks wait for it); tests, which make
// background synchronous, get every part before it returns. Call it on
// the UI goroutine.
func inFrames(parts ...func()) {
	if len(parts) == 0 {
		return
	}
	background(func() {
		fyne.DoAndWait(func() {}) // the run that asked has ended
		for _, part := range parts {
			time.Sleep(frameGap)
			fyne.DoAndWait(part)
		}
	})
}
