package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// TestTabLeavesEveryTextArea presses Tab in the letter template's four
// texts and in the press release: the focus moves on and no tab
// character is typed (the hint under every form says «Tab — келесі өріс»).
func TestTabLeavesEveryTextArea(t *testing.T) {
	u, _ := newTestUI(t)
	u.show(scrReports, nil)
	c := u.win.Canvas()
	press := u.screens[scrReports].(*reportsScreen).press
	l := newLetterSettings(u)
	for name, e := range map[string]*textArea{"press": press, "bodyKK": l.bodyKK, "bodyRU": l.bodyRU,
		"wishesKK": l.wishesKK, "wishesRU": l.wishesRU} {
		if e != press {
			u.win.SetContent(container.NewVBox(e, widget.NewEntry()))
		}
		c.Focus(e)
		typeFocused(c, "мәтін")
		pressTab(c)
		if c.Focused() == e || strings.Contains(e.Text, "\t") {
			t.Errorf("%s: Tab stayed in the field: %q", name, e.Text)
		}
	}
}
