package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// busySlow is how long a screen may load before the top bar's spinner says
// it is still working.
const busySlow = 200 * time.Millisecond

// busyMark is the spinner in the top bar: it turns while a screen's loads
// (any background work) have taken longer than busySlow, so a slow screen
// is never just blank.
type busyMark struct {
	spin     *spinner
	watching bool // a watcher runs; UI goroutine only
}

func newBusyMark() *busyMark {
	b := &busyMark{spin: newSpinner()}
	b.spin.Hide()
	return b
}

// watch starts watching the loads just begun, if any; call it on the UI
// goroutine after a screen was shown or refreshed.
func (b *busyMark) watch() {
	if b.watching || !loading() {
		return
	}
	b.watching = true
	go func() {
		time.Sleep(busySlow)
		shown := loading()
		if shown {
			fyne.Do(func() {
				b.spin.Show()
				b.spin.Start()
			})
		}
		for loading() {
			time.Sleep(50 * time.Millisecond)
		}
		fyne.Do(func() {
			if shown {
				b.spin.Stop()
				b.spin.Hide()
			}
			b.watching = false
		})
	}()
}

// spinWhenSlow turns a list's own spinner once its load has taken
// busySlow and still runs (loading, asked on the UI goroutine). A quick
// load never shows it: each step of a spinner paints the whole window
// (ui/spinner.go), which on an office PC without a graphics card is work
// for the core beside the load itself. The load stops it with stopSpin.
func spinWhenSlow(act *spinner, loading func() bool) {
	time.AfterFunc(busySlow, func() {
		fyne.Do(func() {
			if loading() {
				act.Show()
				act.Start()
			}
		})
	})
}

// stopSpin stops and hides a spinner spinWhenSlow may have turned.
func stopSpin(act *spinner) {
	act.Stop()
	act.Hide()
}
