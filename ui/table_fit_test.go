package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// TestTableColumnsShowWholeTexts opens the sponsors and the appeals at
// 1366×728: no cell drawn in their tables is narrower than its text
// (the sponsor's kind was cut to «Жеке кәсі…»), unless the text is
// longer than fitMaxWidth.
func TestTableColumnsShowWholeTexts(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 728))
	for _, scr := range []string{scrSponsors, scrAppeals, scrChildren, scrDonations} {
		u.show(scr, nil)
		var table *widget.Table
		walk(u.win.Content(), func(o fyne.CanvasObject) {
			if x, ok := o.(*widget.Table); ok && table == nil {
				table = x
			}
		})
		if table == nil {
			t.Fatalf("%s: no table", scr)
		}
		cells := 0
		walk(table, func(o fyne.CanvasObject) {
			l, ok := o.(*tipLabel)
			if !ok || l.Text == "" || !l.Visible() {
				return
			}
			cells++
			// Only a text longer than fitMaxWidth may be cut.
			if full := widget.NewLabel(l.Text).MinSize().Width; l.Size().Width < min(full, fitMaxWidth) {
				t.Errorf("%s: %q drawn %.0f wide, needs %.0f", scr, l.Text, l.Size().Width, full)
			}
		})
		if cells == 0 {
			t.Fatalf("%s: no cells drawn", scr)
		}
	}
}

// TestCutCellShowsWholeText rests the mouse on a sponsor's name longer
// than a column may grow: its whole text shows under the cell, goes when
// the mouse leaves, and a whole text shows nothing.
func TestCutCellShowsWholeText(t *testing.T) {
	u, st := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 728))
	long := "«Қарағанды облысының кәсіподақтар орталығы мен шағын және орта бизнес өкілдерінің қауымдастығы» қоғамдық бірлестігі"
	if err := st.CreateSponsor(context.Background(), &data.Sponsor{Name: long, Kind: data.SponsorIndividual}); err != nil {
		t.Fatal(err)
	}
	u.show(scrSponsors, nil)
	var cut, whole *tipLabel
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*tipLabel); ok && l.Visible() && l.Text != "" {
			switch {
			case l.Text == long:
				cut = l
			case whole == nil && !l.cut():
				whole = l
			}
		}
	})
	if cut == nil || whole == nil {
		t.Fatalf("cells: the long name %v, a whole text %v", cut != nil, whole != nil)
	}
	if !cut.cut() {
		t.Fatalf("the long name is drawn whole (%.0f px): the test needs a cut one", cut.Size().Width)
	}
	tips := u.tips
	cut.MouseIn(&desktop.MouseEvent{})
	deadline := time.Now().Add(5 * time.Second)
	for !tips.layer.Visible() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !tips.layer.Visible() || tips.text.Text != long {
		t.Fatalf("no tip with the whole name (shown %v, %q)", tips.layer.Visible(), tips.text.Text)
	}
	win := u.win.Canvas().Size()
	if p, s := tips.text.Position(), tips.text.Size(); p.X < 0 || p.Y < 0 || p.X+s.Width > win.Width || p.Y+s.Height > win.Height {
		t.Errorf("the tip lies outside the window: %v %v in %v", p, s, win)
	}
	cut.MouseOut()
	if tips.layer.Visible() {
		t.Error("the tip stayed after the mouse left")
	}
	whole.MouseIn(&desktop.MouseEvent{})
	time.Sleep(2 * tipDelay)
	if tips.layer.Visible() {
		t.Errorf("a whole text %q showed a tip", whole.Text)
	}
}
