package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
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
			l, ok := o.(*widget.Label)
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
