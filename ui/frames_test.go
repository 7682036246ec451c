package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// cardTitles counts the titles of the cards shown on the current screen.
func cardTitles(u *App) map[string]int {
	n := map[string]int{}
	walk(u.content, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Card); ok {
			n[c.Title]++
			n[c.Subtitle]++
		}
	})
	return n
}

// TestSettingsShowEveryCardOnce opens the settings, leaves and opens them
// again: every card is there, once.
func TestSettingsShowEveryCardOnce(t *testing.T) {
	u, _ := newTestUI(t)
	for range 2 {
		u.show(scrSettings, nil)
		got := cardTitles(u)
		for _, key := range []string{"settings.office", "settings.app", "backup.title", "server.title",
			"settings.retention", "audit.title", "letters.settings"} {
			if got[lang.L(key)] != 1 {
				t.Errorf("card %s shown %d times, want once", key, got[lang.L(key)])
			}
		}
		u.show(scrDashboard, nil)
	}
}

// TestDashboardShowsItsCharts opens the dashboard, whose charts come in
// a frame after its figures: both charts are there, once.
func TestDashboardShowsItsCharts(t *testing.T) {
	u, _ := newTestUI(t)
	u.show(scrItems, nil)
	u.show(scrDashboard, nil)
	got := cardTitles(u)
	for _, key := range []string{"dash.by_category", "dash.stock"} {
		if got[lang.L(key)] != 1 {
			t.Errorf("chart %s shown %d times, want once", key, got[lang.L(key)])
		}
	}
}
