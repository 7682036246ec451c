package ui

import (
	"runtime"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
)

// walkQueries are typed into the give form's search by Walk, a key every
// 40 ms, quicker than a clerk: a surname, a name and part of an IIN.
var walkQueries = []string{"Ахметов", "Серік", "0605"}

// Walk drives the window for make bench (MEKTEPKEZHOL_WALK=1): it visits
// every screen and writes a "screen" event once the screen's loads have
// landed, leaves Тарату while it loads and comes back, types
// walkQueries into the give form, writes the RSS, and quits. The timing
// events go where StartTimings sends them. Run it on its own goroutine.
func (u *App) Walk() {
	t := u.timings
	t.stepTo("start")
	fyne.DoAndWait(func() {}) // the window's loop runs: the window is up
	t.write(timingEvent{Ev: "window", Ms: time.Since(u.started).Milliseconds()})
	u.waitIdle() // the start's loads and the day's automatic copy
	t.write(rssEvent("start"))
	for _, name := range screenOrder {
		t.stepTo("screen " + name)
		start := time.Now()
		fyne.DoAndWait(func() { u.show(name, nil) })
		u.waitIdle()
		t.write(timingEvent{Ev: "screen", Name: name, Ms: time.Since(start).Milliseconds()})
		t.write(rssEvent(name))
	}
	// away from Тарату and back while its list loads: one load, not two
	t.stepTo("distributions again")
	start := time.Now()
	for _, name := range []string{scrDistributions, scrDashboard, scrDistributions} {
		fyne.DoAndWait(func() { u.show(name, nil) }) // a click each, as the clerk's
	}
	u.waitIdle()
	t.write(timingEvent{Ev: "screen", Name: "distributions_again", Ms: time.Since(start).Milliseconds()})
	give := u.screens[scrDistributions].(*distributionsScreen).give
	for _, q := range walkQueries {
		t.stepTo("give: type " + q)
		t.typeSlowly(give.search, q)
		u.waitIdle()
		fyne.DoAndWait(func() { give.search.SetText("") })
	}
	u.walkChildren(t)
	t.stepTo("end")
	t.write(rssEvent("after_all"))
	runtime.GC()
	debug.FreeOSMemory()
	t.write(rssEvent("after_all_freed"))
	fyne.Do(u.app.Quit)
}

// typeSlowly types q into e a key every 40 ms, quicker than a clerk.
// Each key is timed from when it is pressed, before it waits for the UI
// goroutine (keyTime).
func (t *timings) typeSlowly(e *lineEntry, q string) { t.typeEvery(e, q, 40*time.Millisecond) }

// typistGap is a fast typist's pace, about 400 keys a minute.
const typistGap = 150 * time.Millisecond

// typeEvery types q into e, a key every gap.
func (t *timings) typeEvery(e *lineEntry, q string, gap time.Duration) {
	typed := []rune(q)
	for i := 1; i <= len(typed); i++ {
		key := time.Now()
		fyne.DoAndWait(func() {
			t.key = key
			e.SetText(string(typed[:i]))
			t.key = time.Time{}
		})
		time.Sleep(gap)
	}
}

// waitIdle returns once no background work runs and what it handed to
// the UI goroutine has run.
func (u *App) waitIdle() {
	for {
		if running.Load() == 0 {
			fyne.DoAndWait(func() {})
			if running.Load() == 0 {
				return
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
}
