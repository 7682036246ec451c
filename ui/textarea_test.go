package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

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

// TestKeysLeaveTheFocusedField presses Esc and Enter with a field of a
// dialog holding the keyboard, and F1 in a form's multi-line field: Esc
// cancels the new campaign's dialog, Enter saves it, F1 opens the help.
func TestKeysLeaveTheFocusedField(t *testing.T) {
	u, st := newTestUI(t)
	c := u.win.Canvas()
	before := len(u.campaigns)
	for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
		u.switcher.onNewTapped()
		var year *lineEntry
		walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
			if e, ok := o.(*lineEntry); ok && year == nil {
				year = e
			}
		})
		if year == nil {
			t.Fatalf("no field in the dialog:\n%s", overlayText(u.win))
		}
		c.Focus(year)
		c.Focused().TypedKey(&fyne.KeyEvent{Name: key})
		if c.Overlays().Top() != nil {
			t.Fatalf("%s in the year field left the dialog open", key)
		}
	}
	cs, err := st.FindCampaigns(context.Background())
	if err != nil || len(cs) != before+1 {
		t.Fatalf("campaigns after Esc and Enter: %d (%v), want %d", len(cs), err, before+1)
	}

	u.show(scrAppeals, nil)
	runShortcut(t, u.win, fyne.KeyN)
	subject := u.screens[scrAppeals].(*appealsScreen).form.subject
	c.Focus(subject)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if u.help == nil || u.help.page != helpPage(scrAppeals) {
		t.Fatalf("F1 in the subject did not open the appeals' help")
	}
}

// TestFormLinesPassF1AndTidyPhones: F1 in a screen form's one-line field
// (the sponsor's name) opens the screen's help, and a phone typed as
// 87012345678 reads «+7 701 234 56 78» as soon as the clerk tabs on.
func TestFormLinesPassF1AndTidyPhones(t *testing.T) {
	u, _ := newTestUI(t)
	c := u.win.Canvas()
	u.show(scrSponsors, nil)
	f := u.screens[scrSponsors].(*sponsorsScreen).form
	c.Focus(f.name)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if u.help == nil || u.help.page != helpPage(scrSponsors) {
		t.Fatalf("F1 in the sponsor's name did not open the sponsors' help")
	}
	u.help = nil
	c.Focus(f.phone)
	typeFocused(c, "87012345678")
	pressTab(c)
	if c.Focused() == f.phone {
		t.Fatal("Tab stayed in the phone field")
	}
	if f.phone.Text != "+7 701 234 56 78" {
		t.Errorf("phone after leaving the field: %q, want «+7 701 234 56 78»", f.phone.Text)
	}
}
