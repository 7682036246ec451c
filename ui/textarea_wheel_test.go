package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestWheelOverTextAreaScrollsTheForm turns the wheel over the appeal's
// subject in a window too low for the form: the form scrolls (Fyne's entry
// kept the wheel). Once the subject holds more text than it shows, the
// wheel scrolls the text instead.
func TestWheelOverTextAreaScrollsTheForm(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 420))
	u.show(scrAppeals, nil)
	runShortcut(t, u.win, fyne.KeyN)
	f := u.screens[scrAppeals].(*appealsScreen).form
	outer := f.subject.outer
	if outer == nil {
		t.Fatal("the subject does not know the form's scroll")
	}
	if outer.Content.MinSize().Height <= outer.Size().Height {
		t.Fatalf("the form fits (%v in %v): nothing to scroll", outer.Content.MinSize(), outer.Size())
	}
	c := u.win.Canvas()
	at := func() fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(f.subject).Add(fyne.NewPos(20, 10))
	}
	if p := at(); p.Y >= c.Size().Height {
		t.Fatalf("the subject is below the window at %v", p)
	}
	test.Scroll(c, at(), 0, -30)
	if outer.Offset.Y <= 0 {
		t.Fatalf("the wheel over the subject left the form at %v", outer.Offset)
	}
	before := outer.Offset
	long := ""
	for i := 0; i < 40; i++ {
		long += "жол\n"
	}
	f.subject.SetText(long)
	test.Scroll(c, at(), 0, -30)
	if outer.Offset != before {
		t.Fatalf("the wheel over a long subject moved the form from %v to %v", before, outer.Offset)
	}
}
