package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/cmd/internal/office"
	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/ui"
)

// TestReportsScreenAsksTheDate: the press release is dated with the day
// the clerk types (today unless she types another), and a field that
// holds no day is refused before anything is written.
func TestReportsScreenAsksTheDate(t *testing.T) {
	g := newGUI(t)
	ctx := context.Background()
	g.goTo(t, "reports")
	content := g.w.Content()
	todayText := data.FormatDate(time.Now())
	date := find(t, content, func(e *ui.LineEntry) bool { return e.Text == todayText })

	on := data.Date(2019, 9, 30)
	want, err := office.PressReleaseOn(ctx, g.st, g.c.ID, "kk", on)
	if err != nil {
		t.Fatal(err)
	}
	if undated, err := office.PressRelease(ctx, g.st, g.c.ID, "kk"); err != nil || undated == want {
		t.Fatalf("the press release does not change with its date (%v): the test cannot tell", err)
	}
	date.SetText("30.09.2019")
	press := find(t, content, func(e *ui.TextArea) bool { return e.MultiLine })
	eventually(t, "the buttons", func() bool { return !button(t, content, lang.L("reports.press")).Disabled() })
	test.Tap(button(t, content, lang.L("reports.press")))
	eventually(t, "the press release of 30.09.2019", func() bool { return press.Text == want })

	date.SetText("31.02.2019")
	test.Tap(button(t, content, lang.L("reports.press")))
	eventually(t, "the date refused", func() bool { return strings.Contains(overlayText(g.w), lang.L("docs.date.bad")) })
	if press.Text != want {
		t.Fatal("the press release was rewritten from a date that is no day")
	}
}
