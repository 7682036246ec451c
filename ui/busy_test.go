package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// TestBusyMarkShowsOnSlowLoads: a load still running after busySlow turns
// the top bar's spinner on; it goes once the load has landed, and a quick
// one never shows it.
func TestBusyMarkShowsOnSlowLoads(t *testing.T) {
	u, _ := newTestUI(t)
	b := u.busy
	running.Add(1) // a load under way, as background counts it
	b.watch()
	time.Sleep(busySlow / 2)
	if b.spin.Visible() {
		t.Fatal("the spinner shows before the load was slow")
	}
	waitUntilTrue(t, "the spinner", b.spin.Visible)
	running.Add(-1)
	waitUntilTrue(t, "the spinner to go", func() bool { return !b.spin.Visible() && !b.watching })

	running.Add(1)
	b.watch()
	running.Add(-1) // landed at once
	waitUntilTrue(t, "the watcher to end", func() bool { return !b.watching })
	if b.spin.Visible() {
		t.Fatal("the spinner showed for a quick load")
	}
}

func waitUntilTrue(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("no %s after 5 s", what)
}

// TestSpinnerStepsSlowly: the spinner moves on once per spinStep, not at
// every frame, and not at all once stopped.
func TestSpinnerStepsSlowly(t *testing.T) {
	newTestUI(t)
	s := newSpinner()
	lit := func() (n int) {
		fyne.DoAndWait(func() { n = s.lit })
		return n
	}
	start := time.Now()
	fyne.DoAndWait(s.Start)
	time.Sleep(spinStep / 2)
	if n := lit(); n != 0 && time.Since(start) < spinStep { // a loaded machine may oversleep
		t.Fatalf("the spinner stepped %d times in half a step", n)
	}
	waitUntilTrue(t, "the spinner's step", func() bool { return lit() != 0 })
	fyne.DoAndWait(s.Stop)
	n := lit()
	time.Sleep(3 * spinStep)
	if lit() != n || s.Running() {
		t.Fatal("the spinner stepped on after Stop")
	}
}
