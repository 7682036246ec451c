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

	"github.com/mektepkezhol/app/data"
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

// TestSettingsTabsKeepWhatIsTyped: choosing a tab of the settings on
// screen (the letters' «open the settings») keeps what is typed; a Save
// that refuses a field shows that field's tab; a new language keeps the
// tab it was chosen on.
func TestSettingsTabsKeepWhatIsTyped(t *testing.T) {
	u, _ := newTestUI(t)
	u.show(scrSettings, nil)
	s := u.screens[scrSettings].(*settingsScreen)
	s.head.SetText("Typed, not saved")
	u.showSettings("letters.settings")
	if s.section != "letters.settings" || cardTitles(u)[lang.L("letters.settings")] != 1 {
		t.Fatalf("the letters' tab was not chosen: %s", s.section)
	}
	if u.screens[scrSettings] != s || s.head.Text != "Typed, not saved" {
		t.Fatalf("choosing a tab lost what was typed: %q", s.head.Text)
	}
	s.backup.keep.SetText("many")
	u.showSettings("settings.office")
	s.onSaveTapped()
	if s.section != "backup.title" {
		t.Errorf("a refused number of copies shows the tab %s, want the backup's", s.section)
	}
	if top := u.win.Canvas().Overlays().Top(); top == nil {
		t.Error("the refused number of copies was not shown")
	} else {
		u.win.Canvas().Overlays().Remove(top)
	}
	s.backup.keep.SetText("7")
	u.showSettings("settings.app")
	s.onSaveTapped() // the office's fields, typed on another tab
	if st, err := u.st.Settings(context.Background()); err != nil || st.HeadName != "Typed, not saved" {
		t.Fatalf("File → Save kept the head %q (%v)", st.HeadName, err)
	}
	s.language.SetSelected(s.langs.label("ru"))
	again := u.screens[scrSettings].(*settingsScreen)
	if again == s || again.section != "settings.app" || cardTitles(u)[lang.L("settings.app")] != 1 {
		t.Fatalf("after the language, the settings show %s (a new screen: %v), want the app's tab", again.section, again != s)
	}
}

// TestChildPickedBeforeTheFormShowsItsSchool: a child picked in the frame
// before the Children screen's form is built shows the school's name
// once the form comes.
func TestChildPickedBeforeTheFormShowsItsSchool(t *testing.T) {
	u, cs, held := newHeldUI(t)
	page, err := cs.FindChildPage(context.Background(), data.ChildFilter{}, data.ChildCursor{}, 50)
	if err != nil {
		t.Fatal(err)
	}
	var c data.Child
	for _, x := range page.Children {
		if x.SchoolID != 0 {
			c = x
			break
		}
	}
	if c.ID == 0 {
		t.Fatal("no demo child with a school")
	}
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	s.form.edit(c.ID) // before the form's frame
	held.run(false)
	if s.form.school.Selected == "" || s.form.school.Selected != s.form.schoolChoice.label(idCode(c.SchoolID)) {
		t.Fatalf("the school shows %q, want the label of school %d", s.form.school.Selected, c.SchoolID)
	}
	if s.form.state.dirty {
		t.Error("showing the school marked the form changed")
	}
}

// TestSettingsSaveIsTheAdmins: a clerk's File → Save on the settings
// saves nothing of the office's and says nothing, as their Save buttons
// are off for her; the letters' Save is off too.
func TestSettingsSaveIsTheAdmins(t *testing.T) {
	u, st := newRoleUI(t, data.RoleClerk) // ui/roles_test.go
	u.docs = savedDocs{}
	u.show(scrSettings, nil)
	s := u.screens[scrSettings].(*settingsScreen)
	before, err := st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"settings.office", "settings.app", "backup.title"} {
		u.showSettings(key)
		s.head.SetText("A clerk's head")
		s.onSaveTapped()
		if top := u.win.Canvas().Overlays().Top(); top != nil {
			t.Fatalf("File → Save on the %s tab shows:\n%s", key, overlayText(u.win))
		}
	}
	if after, _ := st.Settings(context.Background()); after.HeadName != before.HeadName {
		t.Fatalf("a clerk saved the head %q", after.HeadName)
	}
	u.showSettings("letters.settings")
	if s.letters == nil || s.letters.save == nil || !s.letters.save.Disabled() {
		t.Fatal("the template's Save is on for a clerk")
	}
}

// savedDocs are documents whose letter template reads as saved.
type savedDocs struct{ Documents }

func (savedDocs) LetterTemplate(context.Context) (LetterTemplate, error) {
	return LetterTemplate{BodyKK: "Алғыс", BodyRU: "Благодарность"}, nil
}

// TestLanguageKeptShowsTheLanguageInUse: the admin picks another language
// with changes unsaved and keeps them; the choice shows the language in
// use, which stays.
func TestLanguageKeptShowsTheLanguageInUse(t *testing.T) {
	u, _ := newTestUI(t)
	u.show(scrSettings, nil)
	s := u.screens[scrSettings].(*settingsScreen)
	s.head.SetText("Typed, not saved")
	u.showSettings("settings.app")
	s.language.SetSelected(s.langs.label("ru"))
	tapOverlayButton(t, u.win, lang.L("unsaved.stay"))
	if s.language.Selected != s.langs.label("kk") || u.settings.Language != "kk" || u.screens[scrSettings] != s {
		t.Fatalf("kept: the choice shows %q, the language in use is %s", s.language.Selected, u.settings.Language)
	}
	if !s.unsaved() || s.head.Text != "Typed, not saved" {
		t.Fatal("keeping the changes lost them")
	}
}
