package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// roleStore is a real store whose user the screens take for another role,
// as a server's clerk or head would be; the store's own checks stay the
// admin's of the file.
type roleStore struct {
	*data.Store
	role data.Role
}

func (r roleStore) Role() data.Role { return r.role }

// newRoleUI builds the workspace over a small demo (a file, or a schema in
// the server pass) for a user of role.
func newRoleUI(t *testing.T, role data.Role) (*App, *data.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := data.Open(datatest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.FillDemo(context.Background(), data.DemoOptions{Children: 60, Sponsors: 5, Distributions: 40}); err != nil {
		t.Fatal(err)
	}
	oldBg, oldToday := background, today
	background = func(work func()) { work() }
	today = func() time.Time { return data.Date(2019, 9, 2) }
	t.Cleanup(func() { background, today = oldBg, oldToday; setLanguage("kk") })
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1366, 768))
	return New(a, w, roleStore{st, role}), st
}

// buttonsIn returns the first button drawn in o with each text.
func buttonsIn(o fyne.CanvasObject) map[string]*widget.Button {
	out := map[string]*widget.Button{}
	walk(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && out[b.Text] == nil {
			out[b.Text] = b
		}
	})
	return out
}

func labelsIn(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

func TestClerkSeesWhatIsNotTheirs(t *testing.T) {
	u, _ := newRoleUI(t, data.RoleClerk)
	content := u.win.Content()
	if want := lang.L("role.user", map[string]any{"User": u.st.Actor(), "Role": lang.L("role.clerk")}); !strings.Contains(labelsIn(content), want) {
		t.Fatalf("window does not say %q", want)
	}
	for _, tc := range []struct {
		screen, button, note string
	}{
		{scrSettings, lang.L("action.save"), lang.L("role.needs_admin")},
		{scrSchools, lang.L("schools.new"), lang.L("role.needs_admin")},
		{scrItems, lang.L("items.new"), lang.L("role.needs_admin")},
		{scrReports, lang.L("reports.pdf"), lang.L("role.needs_head")},
	} {
		u.show(tc.screen, nil)
		shown := u.content.Objects[0]
		b := buttonsIn(shown)[tc.button]
		if b == nil || !b.Disabled() {
			t.Fatalf("%s: button %q enabled (%v), want disabled for a clerk", tc.screen, tc.button, b)
		}
		if !strings.Contains(labelsIn(shown), tc.note) {
			t.Fatalf("%s: no note %q", tc.screen, tc.note)
		}
	}
	u.show(scrDistributions, nil)
	if s := u.screens[scrDistributions].(*distributionsScreen); s.approve.Visible() {
		t.Fatal("the approve button shows to a clerk")
	}
}

func TestHeadApprovesPending(t *testing.T) {
	u, st := newRoleUI(t, data.RoleHead)
	ctx := context.Background()
	all, err := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: u.campaign.ID})
	if err != nil || len(all) < 3 {
		t.Fatalf("demo has %d distributions (%v), want ≥ 3", len(all), err)
	}
	// Three of them as a clerk would have saved them: waiting.
	datatest.Unapprove(t, st, all[0].ID, all[1].ID, all[2].ID)
	u.show(scrDistributions, nil)
	s := u.screens[scrDistributions].(*distributionsScreen)
	if !s.approve.Visible() {
		t.Fatal("the approve button is hidden from the head")
	}
	s.pending.SetChecked(true)
	if got := len(s.rows); got != 3 {
		t.Fatalf("pending filter lists %d, want 3", got)
	}
	if got := s.cell(0, 6); got != lang.L("dist.pending_mark") {
		t.Fatalf("status column=%q, want %q", got, lang.L("dist.pending_mark"))
	}
	s.onSelected(0)
	first := s.rows[0].ID
	test.Tap(s.approve)
	left, _ := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: u.campaign.ID, Pending: true})
	if len(left) != 2 || len(s.rows) != 2 {
		t.Fatalf("after approving the selected one: %d pending, %d listed; want 2", len(left), len(s.rows))
	}
	for _, r := range left {
		if r.ID == first {
			t.Fatalf("#%d still pending after its approval", first)
		}
	}
	test.Tap(s.approve) // none selected: all listed, after asking
	tapOverlayButton(t, u.win, lang.L("Yes"))
	left, _ = st.FindDistributions(ctx, data.DistributionFilter{CampaignID: u.campaign.ID, Pending: true})
	if len(left) != 0 || len(s.rows) != 0 || !s.approve.Disabled() {
		t.Fatalf("after approving all: %d pending, %d listed, approve enabled=%v", len(left), len(s.rows), !s.approve.Disabled())
	}
}
