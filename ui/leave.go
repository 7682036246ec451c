package ui

import "time"

// Leaving a list screen lets go of its rows (App.show calls onLeft): the
// app's memory follows what is on screen, and the screen loads its rows
// again when shown. Тарату's is in ui/distributions.go.

// releaseMemory hands back, off the UI goroutine, what a left screen's
// loads made the store cache (SQLite's page caches and the C heap under
// them; Go's own heap the runtime hands back by itself, and forcing it
// with debug.FreeOSMemory cost a full collection, 45 ms of CPU, a screen):
// without it the app's resident size only grew from screen to screen. It
// waits until the next screen's loads have landed, so that it neither
// competes with them for the CPU nor empties a cache they are filling; it
// is no screen's load itself (not counted by running), and one runs at a
// time.
func (u *App) releaseMemory() {
	if !u.freeing.CompareAndSwap(false, true) {
		return
	}
	st, ctx := u.st, u.ctx
	go func() {
		defer u.freeing.Store(false)
		for running.Load() > 0 {
			time.Sleep(50 * time.Millisecond)
		}
		st.ReleaseMemory(ctx)
	}()
}

func (s *donationsScreen) onLeft() { s.rows = nil; s.table.reload() }

// Leaving the sponsors, appeals, coverage, items or schools cancels their
// loads too (ui/loader.go's loadInto): their answer is read again when the
// screen is shown, so a load left running would only keep a core busy.
// Coming back starts one load, which shows what is in the store then.

func (s *sponsorsScreen) onLeft() { s.loads.leave(s.busy); s.rows = nil; s.table.reload() }
func (s *appealsScreen) onLeft()  { s.loads.leave(s.busy); s.rows = nil; s.table.reload() }
func (s *itemsScreen) onLeft()    { s.loads.leave(s.busy) }
func (s *schoolsScreen) onLeft()  { s.loads.leave(nil) }

func (s *coverageScreen) onLeft() {
	s.loads.leave(s.busy)
	s.form.loads.leave(nil)
	s.events.loads.leave(nil)
	s.rows = nil
	s.table.reload()
}

// onLeft cancels the dashboard's sums, if they still run: a clerk passing
// through it on the way to another screen does not wait for them (on a
// region's file they read a million distributions).
func (s *dashboardScreen) onLeft() { s.loads.stop() }

var (
	_ leaver = (*sponsorsScreen)(nil)
	_ leaver = (*donationsScreen)(nil)
	_ leaver = (*appealsScreen)(nil)
	_ leaver = (*coverageScreen)(nil)
	_ leaver = (*itemsScreen)(nil)
	_ leaver = (*schoolsScreen)(nil)
	_ leaver = (*distributionsScreen)(nil)
	_ leaver = (*dashboardScreen)(nil)
)
