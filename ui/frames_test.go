package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
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

// TestSettingsBuildTheChosenCard: the settings open on their first card
// alone; each tab chosen shows its card, once, and keeps the cards built
// before; leaving and coming back opens the last card chosen.
func TestSettingsBuildTheChosenCard(t *testing.T) {
	u, _ := newTestUI(t)
	u.show(scrSettings, nil)
	if got := cardTitles(u); got[lang.L("settings.office")] != 1 || got[lang.L("settings.app")] != 0 || got[lang.L("letters.settings")] != 0 {
		t.Fatalf("the settings open with the cards %v, want the office's alone", got)
	}
	tabs := u.content.Objects[0].(*container.AppTabs)
	keys := []string{"settings.office", "settings.app", "backup.title", "server.title",
		"settings.retention", "audit.title", "letters.settings"}
	if u.st.OnServer() {
		keys = slices.Insert(keys, 4, "users.title")
	}
	if len(tabs.Items) != len(keys) {
		t.Fatalf("%d tabs, want %d", len(tabs.Items), len(keys))
	}
	for i, key := range keys {
		if tabs.Items[i].Text != lang.L(key) {
			t.Errorf("tab %d is %q, want %q", i, tabs.Items[i].Text, lang.L(key))
		}
		tabs.SelectIndex(i)
		if got := cardTitles(u)[lang.L(key)]; got != 1 {
			t.Errorf("card %s shown %d times once chosen, want once", key, got)
		}
		built := 0
		for _, it := range tabs.Items {
			if len(it.Content.(*fyne.Container).Objects) > 0 {
				built++
			}
		}
		if built != i+1 {
			t.Errorf("after choosing tab %d, %d cards built, want %d", i, built, i+1)
		}
	}
	u.show(scrDashboard, nil)
	u.show(scrSettings, nil)
	if got := cardTitles(u); got[lang.L("letters.settings")] != 1 || got[lang.L("settings.office")] != 0 {
		t.Fatalf("coming back, the settings show %v, want the letters' card chosen last", got)
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

// TestDashboardPartsOfAnOlderLoadDropped: the dashboard's first load has
// queued its parts when the clerk picks another campaign; once the newer
// load's parts and the older ones have run, in that order, the dashboard
// shows the newer campaign, with each chart once.
func TestDashboardPartsOfAnOlderLoadDropped(t *testing.T) {
	u, cs, held := newHeldUI(t)
	cps, err := cs.FindCampaigns(context.Background())
	if err != nil || len(cps) < 2 {
		t.Fatalf("campaigns: %d (%v), want two", len(cps), err)
	}
	other := cps[0]
	if other.ID == u.campaign.ID {
		other = cps[1]
	}
	first := u.campaign
	u.show(scrItems, nil)
	held.run(false)
	u.show(scrDashboard, nil)
	held.runOne() // the first load: its parts queued
	u.setCampaign(other)
	held.run(true) // the newer load and its parts, then the older parts
	var titles []string
	walk(u.content, func(o fyne.CanvasObject) {
		if x, ok := o.(*canvas.Text); ok && (x.Text == first.Name(language()) || x.Text == other.Name(language())) {
			titles = append(titles, x.Text)
		}
	})
	if len(titles) != 1 || titles[0] != other.Name(language()) {
		t.Fatalf("the dashboard shows the campaigns %q, want only %q", titles, other.Name(language()))
	}
	got := cardTitles(u)
	for _, key := range []string{"dash.by_category", "dash.stock"} {
		if got[lang.L(key)] != 1 {
			t.Errorf("chart %s shown %d times, want once", key, got[lang.L(key)])
		}
	}
}

// TestCoverageFormWhole: the coverage form's second half comes a frame
// after the register; once it has, every field is in the form once, and
// the action's text scrolls the form under the wheel.
func TestCoverageFormWhole(t *testing.T) {
	u, _ := newTestUI(t)
	u.show(scrCoverage, nil)
	f := u.screens[scrCoverage].(*coverageScreen).form
	fields := []fyne.CanvasObject{f.name, f.iin, f.birth, f.address, f.foundOn, f.source, f.sourceSchool,
		f.sourceName, f.appeal, f.reason, f.action, f.outcome, f.placedSchool, f.placedOn, f.due}
	seen := map[fyne.CanvasObject]int{}
	walk(u.content, func(o fyne.CanvasObject) {
		if w, ok := o.(*widget.Form); ok {
			for _, it := range w.Items {
				seen[it.Widget]++
			}
		}
	})
	for i, fl := range fields {
		if seen[fl] != 1 {
			t.Errorf("field %d is in the form %d times, want once", i, seen[fl])
		}
	}
	if f.action.outer == nil || f.action.outer != f.scroll {
		t.Error("the action's text does not scroll the form")
	}
}

// TestChildrenFormOnceWhenBuiltAgain: the Children screen's form comes a
// frame after its list. Built again before that frame (a language), the
// screen shows the form once, in the newer build, with its fields.
func TestChildrenFormOnceWhenBuiltAgain(t *testing.T) {
	u, _, held := newHeldUI(t)
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	first := s.formBox
	u.show(scrDashboard, nil)
	u.show(scrChildren, nil)
	held.run(false)
	if len(first.Objects) != 0 {
		t.Error("the older build got the form too")
	}
	n := 0
	walk(u.content, func(o fyne.CanvasObject) {
		if o == s.form.name {
			n++
		}
	})
	if n != 1 {
		t.Fatalf("the child's name field shows %d times, want once", n)
	}
}
