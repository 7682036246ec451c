package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

func TestDistributionDuplicateWarning(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrDistributions, nil)
	s := u.screens[scrDistributions].(*distributionsScreen)
	given, err := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: u.campaign.ID, Limit: 1})
	if err != nil || len(given) == 0 {
		t.Fatalf("demo has no distribution: %v", err)
	}
	g := given[0]
	child, err := st.FindChildByID(ctx, g.ChildID)
	if err != nil {
		t.Fatal(err)
	}
	f := s.give
	test.Type(f.search, string(child.IIN))
	if len(f.matches) != 1 {
		t.Fatalf("searching the IIN found %d children, want 1", len(f.matches))
	}
	f.matchList.Select(0)
	f.item.SetSelected(f.itemChoice.label(strconv.FormatInt(g.ItemID, 10)))
	count := func() int {
		rows, err := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: u.campaign.ID, ChildID: child.ID, ItemID: g.ItemID})
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	before := count()
	f.onGiveTapped()
	if got := count(); got != before {
		t.Fatalf("a duplicate was saved without asking: %d rows, want %d", got, before)
	}
	if msg := overlayText(u.win); !strings.Contains(msg, child.FullName()) {
		t.Fatalf("the warning does not name the child %q: %q", child.FullName(), msg)
	}
	tapOverlayButton(t, u.win, lang.L("dist.force"))
	if got := count(); got != before+1 {
		t.Fatalf("after «give anyway» %d rows, want %d", got, before+1)
	}
	rows, _ := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: u.campaign.ID, ChildID: child.ID, ItemID: g.ItemID})
	forced := 0
	for _, r := range rows {
		if r.Forced {
			forced++
		}
	}
	if forced != 1 {
		t.Fatalf("%d rows marked forced, want 1", forced)
	}
}

func TestGroupDistributionSkipsThoseWhoHaveIt(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrDistributions, nil)
	f := u.screens[scrDistributions].(*distributionsScreen).give
	items, _ := st.FindAidItems(ctx)
	var backpack data.AidItem
	for _, it := range items {
		if strings.Contains(it.Code, "backpack") {
			backpack = it
		}
	}
	if backpack.ID == 0 {
		t.Fatalf("no backpack in the catalogue %+v", items)
	}
	sc := u.screens[scrDistributions].(*distributionsScreen).give.schools[0]
	f.mode.SetSelected(lang.L("dist.group"))
	f.school.SetSelected(f.schoolChoice.label(strconv.Itoa(sc.Number)))
	f.item.SetSelected(f.itemChoice.label(strconv.FormatInt(backpack.ID, 10)))
	f.onFindGroupTapped()

	all, _ := st.FindChildren(ctx, data.ChildFilter{SchoolID: sc.ID})
	had, _ := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: u.campaign.ID, ItemID: backpack.ID, SchoolID: sc.ID})
	got := map[int64]bool{}
	for _, d := range had {
		got[d.ChildID] = true
	}
	if want := len(all) - len(got); len(f.recipients) != want || want == 0 {
		t.Fatalf("group of %d children, want %d (of %d at school №%d, %d already have a backpack)",
			len(f.recipients), want, len(all), sc.Number, len(got))
	}
	n := len(f.recipients)
	f.onGiveTapped()
	if strings.Contains(overlayText(u.win), lang.L("dist.conflict_title")) {
		tapOverlayButton(t, u.win, lang.L("dist.force")) // the demo's stock may run short
	}
	after, _ := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: u.campaign.ID, ItemID: backpack.ID, SchoolID: sc.ID})
	if len(after) != len(had)+n {
		t.Fatalf("%d backpacks at the school after giving to %d, want %d", len(after), n, len(had)+n)
	}
}

func TestChildrenSearchFilters(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	all, _ := st.CountChildren(ctx, data.ChildFilter{})
	if s.total != all {
		t.Fatalf("list shows %d children, store has %d", s.total, all)
	}
	some, _ := st.FindChildren(ctx, data.ChildFilter{Limit: 1})
	q := strings.ToLower(some[0].Surname[:4])
	test.Type(s.search, q)
	want, _ := st.CountChildren(ctx, data.ChildFilter{Query: q})
	if s.total != want || want == 0 || want == all {
		t.Fatalf("search %q shows %d children, want %d (of %d)", q, s.total, want, all)
	}
	s.category.SetSelected(s.catChoice.label(data.CatOrphan))
	want, _ = st.CountChildren(ctx, data.ChildFilter{Query: q, Category: data.CatOrphan})
	if s.total != want {
		t.Fatalf("search %q among orphans shows %d, want %d", q, s.total, want)
	}
	s.search.SetText("")
	s.category.SetSelected(s.catChoice.labels[0])
	s.helped.SetSelected(s.helpChoice.label("no"))
	no := false
	want, _ = st.CountChildren(ctx, data.ChildFilter{Helped: &no, CampaignID: u.campaign.ID})
	if s.total != want || want == 0 {
		t.Fatalf("not yet helped: %d shown, want %d", s.total, want)
	}
	// the cells load the rows of the page on screen
	if got := s.cell(0, 1); got == "" {
		t.Fatal("first row has no IIN")
	}
}

func TestAppealQuickCallFromKeyboard(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrAppeals, nil)
	s := u.screens[scrAppeals].(*appealsScreen)
	menuAction(t, u, fyne.KeyN)()
	c := u.win.Canvas()
	if c.Focused() != s.form.citizen {
		t.Fatalf("Ctrl+N put the focus on %T, want the caller's name", c.Focused())
	}
	test.Type(c.Focused(), "Серікова Гүлнар") // what the driver does with keys
	test.FocusNext(c)
	test.Type(c.Focused(), "87015550000") // what the driver does with keys
	test.FocusNext(c)
	test.Type(c.Focused(), "Рюкзак берілмеді, №7 мектеп") // what the driver does with keys
	menuAction(t, u, fyne.KeyS)()

	as, err := st.FindAppeals(ctx, data.AppealFilter{CampaignID: u.campaign.ID})
	if err != nil {
		t.Fatal(err)
	}
	var a data.Appeal // dated on the test's today inside the campaign: not the newest
	for _, x := range as {
		if x.CitizenName == "Серікова Гүлнар" {
			a = x
		}
	}
	if a.Subject != "Рюкзак берілмеді, №7 мектеп" || a.CitizenPhone != "+7 701 555 00 00" || a.Channel != data.ChannelHotline {
		t.Fatalf("saved %+v; dialog: %s", a, overlayText(u.win))
	}
	set, _ := st.Settings(ctx)
	if want := data.Day(a.ReceivedAt).AddDate(0, 0, set.AppealDueDays); !a.DueOn.Equal(want) {
		t.Fatalf("due %v, want %v", a.DueOn, want)
	}
}

// menuAction returns the main menu's action for Ctrl+key.
func menuAction(t *testing.T, u *App, key fyne.KeyName) func() {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if sc, ok := it.Shortcut.(interface{ Key() fyne.KeyName }); ok && sc.Key() == key {
				return it.Action
			}
		}
	}
	t.Fatalf("no menu item for Ctrl+%s", key)
	return nil
}

func TestLanguageSwitch(t *testing.T) {
	u, st := newTestUI(t)
	if got := lang.L("nav.sponsors"); got != "Демеушілер" {
		t.Fatalf("default language shows %q", got)
	}
	u.show(scrSettings, nil)
	s := u.screens[scrSettings].(*settingsScreen)
	s.language.SetSelected(s.langs.label("ru"))
	s.onSaveTapped()
	set, _ := st.Settings(context.Background())
	if set.Language != "ru" {
		t.Fatalf("saved language %q, want ru", set.Language)
	}
	for key, want := range map[string]string{"nav.sponsors": "Спонсоры", "Cancel": "Отмена", "thursday": "Четверг"} {
		if got := lang.L(key); got != want {
			t.Fatalf("in ru %s is %q, want %q", key, got, want)
		}
	}
	if got := u.nav.Length(); got != len(screenOrder) {
		t.Fatalf("navigation has %d items", got)
	}
	if got := u.win.Title(); got != "Дорога в школу" {
		t.Fatalf("window title in ru is %q", got)
	}
	if u.current != scrSettings {
		t.Fatalf("after the switch on %s, want settings", u.current)
	}
	s = u.screens[scrSettings].(*settingsScreen)
	s.language.SetSelected(s.langs.label("kk"))
	s.onSaveTapped()
	if got := lang.L("Cancel"); got != "Болдырмау" {
		t.Fatalf("back in kk Cancel is %q", got)
	}
}

func TestSearchBySchoolNumber(t *testing.T) {
	u, st := newTestUI(t)
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	schools, _ := st.FindSchools(context.Background())
	sc := schools[len(schools)/2]
	test.Type(s.search, "№"+strconv.Itoa(sc.Number))
	want, _ := st.CountChildren(context.Background(), data.ChildFilter{SchoolID: sc.ID})
	if s.total != want || want == 0 {
		t.Fatalf("«№%d» finds %d children, school has %d", sc.Number, s.total, want)
	}
}

func TestWindowSizeRemembered(t *testing.T) {
	u, st := newTestUI(t)
	u.win.Resize(fyne.NewSize(1100, 700))
	u.onCloseRequested()
	set, _ := st.Settings(context.Background())
	if set.Extra[windowSizeKey] == "" {
		t.Fatal("window size not saved on close")
	}
	w := u.app.NewWindow("again")
	New(u.app, w, st)
	if got := w.Canvas().Size(); got.Width != 1100 || got.Height != 700 {
		t.Fatalf("reopened at %v, want 1100×700", got)
	}
}

func TestDashboardClicksThroughToNotHelped(t *testing.T) {
	u, st := newTestUI(t)
	d := u.screens[scrDashboard].(*dashboardScreen)
	sum, _ := st.Summary(context.Background(), u.campaign.ID)
	if d.summary.ChildrenHelped != sum.ChildrenHelped || d.summary.MoneyTenge != sum.MoneyTenge {
		t.Fatalf("dashboard shows %+v, store says %+v", d.summary, sum)
	}
	var open func()
	walk(u.content, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Card); ok && open == nil {
			var title string
			walk(c.Content, func(x fyne.CanvasObject) {
				if l, ok := x.(*widget.Label); ok && title == "" {
					title = l.Text
				}
				if b, ok := x.(*widget.Button); ok && title == lang.L("dash.not_helped") {
					open = func() { test.Tap(b) }
				}
			})
		}
	})
	if open == nil {
		t.Fatal("no «not yet helped» figure on the dashboard")
	}
	open()
	s := u.screens[scrChildren].(*childrenScreen)
	if u.current != scrChildren || s.total != sum.Children-sum.ChildrenHelped {
		t.Fatalf("clicked through to %s with %d children, want %d not yet helped", u.current, s.total,
			sum.Children-sum.ChildrenHelped)
	}
}

func TestCtrlFFocusesTheSearch(t *testing.T) {
	u, _ := newTestUI(t)
	for _, name := range []string{scrSponsors, scrChildren} {
		u.show(name, nil)
		menuAction(t, u, fyne.KeyF)()
		var want fyne.Focusable
		switch s := u.screens[name].(type) {
		case *sponsorsScreen:
			want = s.search
		case *childrenScreen:
			want = s.search
		}
		if got := u.win.Canvas().Focused(); got != want {
			t.Fatalf("%s: Ctrl+F focused %T, want the search box", name, got)
		}
	}
}
