package ui

import (
	"context"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// TestCoverageFormPlacedRules refuses «placed» without a school and then
// without a date, naming the field, and saves the case once both are given.
func TestCoverageFormPlacedRules(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrCoverage, nil)
	s := u.screens[scrCoverage].(*coverageScreen)
	count := func() int {
		cs, err := st.FindCoverageCases(ctx, data.CoverageFilter{CampaignID: u.campaign.ID})
		if err != nil {
			t.Fatal(err)
		}
		return len(cs)
	}
	before := count()
	if len(s.rows) != before {
		t.Fatalf("the register shows %d cases, the store has %d", len(s.rows), before)
	}
	f := s.form
	s.onNewTapped()
	test.Type(f.name, "Сейітов Арман")
	f.outcome.SetSelected(f.outcomes.label(data.OutcomePlaced))
	test.Type(f.action, "Мектепке орналастырылды, киім берілді")
	test.Tap(f.save)
	if msg := overlayText(u.win); !strings.Contains(msg, lang.L("field.placed_school")) {
		t.Fatalf("the error does not name the school field: %q", msg)
	}
	u.closeDialogs()
	f.placedSchool.SetSelectedIndex(1)
	test.Tap(f.save)
	if msg := overlayText(u.win); !strings.Contains(msg, lang.L("field.placed_on")) {
		t.Fatalf("the error does not name the date field: %q", msg)
	}
	u.closeDialogs()
	if got := count(); got != before {
		t.Fatalf("a refused case was saved: %d, want %d", got, before)
	}
	test.Type(f.placedOn, dateText(today()))
	test.Tap(f.save)
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("the valid case was refused: %q", overlayText(u.win))
	}
	if got := count(); got != before+1 {
		t.Fatalf("%d cases after saving, want %d", got, before+1)
	}
	test.Type(f.action, ".")
	test.Tap(f.save) // saving again updates the case
	if got := count(); got != before+1 {
		t.Fatalf("saving the case again made %d cases, want %d", got, before+1)
	}
	if len(s.rows) != before+1 {
		t.Fatalf("the register shows %d cases after saving, want %d", len(s.rows), before+1)
	}
	cs, _ := st.FindCoverageCases(ctx, data.CoverageFilter{CampaignID: u.campaign.ID, Outcome: data.OutcomePlaced})
	found := false
	for _, c := range cs {
		if c.ChildName == "Сейітов Арман" && c.PlacedSchoolID == f.schools[0].ID && c.PlacedOn.Equal(today()) {
			found = true
		}
	}
	if !found {
		t.Fatal("the saved case is not in the register as placed in the chosen school on the date")
	}
}

// TestCoverageFormRegisteredChild links a case to a child of the registry.
func TestCoverageFormRegisteredChild(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	kids, err := st.FindChildren(ctx, data.ChildFilter{Limit: 1})
	if err != nil || len(kids) == 0 {
		t.Fatalf("no child: %v", err)
	}
	u.show(scrCoverage, nil)
	s := u.screens[scrCoverage].(*coverageScreen)
	f := s.form
	s.onNewTapped()
	test.Type(f.search, string(kids[0].IIN))
	if len(f.found) != 1 {
		t.Fatalf("searching the IIN found %d children", len(f.found))
	}
	f.pick.SetSelectedIndex(1)
	if !f.name.Disabled() || f.name.Text != kids[0].FullName() {
		t.Fatalf("the registered child's name is %q (disabled %v)", f.name.Text, f.name.Disabled())
	}
	test.Tap(f.save)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("refused: %q", overlayText(u.win))
	}
	cs, _ := st.FindCoverageCases(ctx, data.CoverageFilter{CampaignID: u.campaign.ID})
	var last data.CoverageCase
	for _, c := range cs {
		if c.ID > last.ID {
			last = c
		}
	}
	if last.ChildID != kids[0].ID || last.ChildName != kids[0].FullName() {
		t.Fatalf("the new case is linked to child %d (%q), want %d", last.ChildID, last.ChildName, kids[0].ID)
	}
}

// TestDashboardCoverageOverdue shows the store's overdue figure in the
// error colour and opens the register on the overdue cases.
func TestDashboardCoverageOverdue(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	fig, err := st.CoverageFigures(ctx, u.campaign.ID)
	if err != nil {
		t.Fatal(err)
	}
	if fig.Overdue == 0 {
		t.Fatal("the demo has no overdue coverage case to show")
	}
	u.show(scrDashboard, nil)
	d := u.screens[scrDashboard].(*dashboardScreen)
	if d.cover.Overdue != fig.Overdue || d.cover.Open != fig.Open {
		t.Fatalf("dashboard open %d overdue %d, store %d %d", d.cover.Open, d.cover.Overdue, fig.Open, fig.Overdue)
	}
	var card fyne.CanvasObject
	walk(d.body, func(o fyne.CanvasObject) {
		c, ok := o.(*widget.Card)
		if !ok {
			return
		}
		walk(c.Content, func(x fyne.CanvasObject) {
			if l, ok := x.(*widget.Label); ok && l.Text == lang.L("dash.coverage_overdue") {
				card = c
			}
		})
	})
	if card == nil {
		t.Fatal("no overdue coverage card")
	}
	red := false
	walk(card, func(o fyne.CanvasObject) {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == number(int64(fig.Overdue)) && tx.Color == theme0Error() {
			red = true
		}
	})
	if !red {
		t.Fatalf("the overdue figure %d is not shown in the error colour", fig.Overdue)
	}
	test.Tap(widgetButton(t, card, lang.L("dash.open")))
	if u.current != scrCoverage {
		t.Fatalf("the card opened %q", u.current)
	}
	s := u.screens[scrCoverage].(*coverageScreen)
	if !s.overdue.Checked || len(s.rows) != fig.Overdue {
		t.Fatalf("the register shows %d cases (overdue filter %v), want the %d overdue", len(s.rows), s.overdue.Checked, fig.Overdue)
	}
}

func theme0Error() color.Color { return theme.Color(theme.ColorNameError) }
