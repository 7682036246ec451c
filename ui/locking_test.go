package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
)

// otherClerk opens the test UI's database a second time, as another
// clerk's app does, saving at the given time.
func otherClerk(t *testing.T, st *data.Store, at time.Time) *data.Store {
	t.Helper()
	other, err := data.Open(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	other.Now = func() time.Time { return at }
	return other
}

// stampText is when the other clerk's save is said to be: the time her
// store was told on a SQLite file, the server's stamp of the row (its clock,
// audit_pg.sql) on a server.
func stampText(other *data.Store, onFile string, stamped time.Time, layout string) string {
	if !other.OnServer() {
		return onFile
	}
	return stamped.Local().Format(layout)
}

func TestSponsorFormRefusesStaleSave(t *testing.T) {
	ctx := context.Background()
	u, st := newTestUI(t)
	other := otherClerk(t, st, time.Date(2019, 9, 2, 10, 41, 0, 0, time.Local))
	u.show(scrSponsors, nil)
	s := u.screens[scrSponsors].(*sponsorsScreen)
	s.onRowSelected(0)
	f := s.form
	id := f.sponsor.ID

	theirs, err := other.FindSponsorByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Phone = "+7 702 111 22 33"
	if err := other.UpdateSponsor(ctx, &theirs); err != nil {
		t.Fatal(err)
	}

	test.Type(f.notes, " менің ескертпем")
	typed := f.notes.Text
	test.Tap(f.save)
	msg := overlayText(u.win)
	for _, want := range []string{other.Actor(), stampText(other, "10:41", theirs.ChangedAt, "15:04"), "сақталмады"} {
		if !strings.Contains(msg, want) {
			t.Fatalf("dialog %q does not say %q", msg, want)
		}
	}
	assertSponsor := func(when string) {
		t.Helper()
		got, err := st.FindSponsorByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Phone != theirs.Phone || got.Notes != theirs.Notes || got.Version != theirs.Version {
			t.Fatalf("%s: saved %+v, want the other clerk's version %+v", when, got, theirs)
		}
	}
	assertSponsor("after the refused save")

	tapOverlayButton(t, u.win, lang.L("stale.keep"))
	if f.notes.Text != typed || !f.state.dirty {
		t.Fatalf("keep editing lost the typed notes: %q, dirty %v", f.notes.Text, f.state.dirty)
	}
	test.Tap(f.save)
	if msg := overlayText(u.win); !strings.Contains(msg, other.Actor()) {
		t.Fatalf("second save without reloading: dialog %q, want the refusal again", msg)
	}
	assertSponsor("after the second refused save")

	tapOverlayButton(t, u.win, lang.L("stale.reload"))
	if f.phone.Text != theirs.Phone || f.notes.Text != theirs.Notes || f.sponsor.Version != theirs.Version || f.state.dirty {
		t.Fatalf("reloaded form: phone %q notes %q version %d dirty %v, want the other clerk's version %d",
			f.phone.Text, f.notes.Text, f.sponsor.Version, f.state.dirty, theirs.Version)
	}
	test.Type(f.notes, " қайта")
	test.Tap(f.save)
	got, err := st.FindSponsorByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != theirs.Version+1 || got.Phone != theirs.Phone || got.Notes != theirs.Notes+" қайта" {
		t.Fatalf("save after reloading: %+v", got)
	}
}

func TestAppealFormRefusesStaleSaveInRussian(t *testing.T) {
	ctx := context.Background()
	u, st := newTestUI(t)
	// the other clerk saved on an earlier day: the date is named too
	other := otherClerk(t, st, time.Date(2019, 8, 30, 16, 5, 0, 0, time.Local))
	setLanguage("ru")
	a := data.Appeal{CampaignID: u.campaign.ID, ReceivedAt: time.Date(2019, 8, 29, 9, 30, 0, 0, time.UTC),
		Channel: data.ChannelHotline, Subject: "Нужна школьная форма"}
	if err := st.CreateAppeal(ctx, &a); err != nil {
		t.Fatal(err)
	}
	u.show(scrAppeals, nil)
	s := u.screens[scrAppeals].(*appealsScreen)
	s.form.edit(a)

	theirs, err := other.FindAppealByID(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.AssignedTo = "Ахметова Г."
	if err := other.UpdateAppeal(ctx, &theirs); err != nil {
		t.Fatal(err)
	}
	test.Type(s.form.assigned, "Сейітов Е.")
	test.Tap(s.form.save)
	msg := overlayText(u.win)
	for _, want := range []string{other.Actor(), stampText(other, "30.08.2019 16:05", theirs.ChangedAt, "02.01.2006 15:04"), "Ваши изменения не сохранены"} {
		if !strings.Contains(msg, want) {
			t.Fatalf("dialog %q does not say %q", msg, want)
		}
	}
	got, err := st.FindAppealByID(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.AssignedTo != theirs.AssignedTo {
		t.Fatalf("assigned to %q, want the other clerk's %q", got.AssignedTo, theirs.AssignedTo)
	}
	tapOverlayButton(t, u.win, lang.L("stale.reload"))
	if s.form.assigned.Text != theirs.AssignedTo || s.form.appeal.Version != theirs.Version {
		t.Fatalf("reloaded form: assigned %q version %d, want %q %d", s.form.assigned.Text, s.form.appeal.Version,
			theirs.AssignedTo, theirs.Version)
	}
}

func TestChildFormRefusesStaleSave(t *testing.T) {
	ctx := context.Background()
	u, st := newTestUI(t)
	other := otherClerk(t, st, time.Date(2019, 9, 2, 9, 15, 0, 0, time.Local))
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	cs, err := st.FindChildren(ctx, data.ChildFilter{Limit: 1})
	if err != nil || len(cs) != 1 {
		t.Fatalf("children %v: %v", cs, err)
	}
	s.form.edit(cs[0].ID)

	theirs, err := other.FindChildByID(ctx, cs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.GuardianPhone = "+7 705 123 45 67"
	if err := other.UpdateChild(ctx, &theirs); err != nil {
		t.Fatal(err)
	}
	test.Type(s.form.address, ", 5-пәтер")
	test.Tap(s.form.save)
	at := stampText(other, "09:15", theirs.ChangedAt, "15:04")
	if msg := overlayText(u.win); !strings.Contains(msg, other.Actor()) || !strings.Contains(msg, at) {
		t.Fatalf("dialog %q does not name %q at %s", msg, other.Actor(), at)
	}
	got, err := st.FindChildByID(ctx, theirs.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Address != theirs.Address || got.Version != theirs.Version {
		t.Fatalf("saved address %q version %d, want the other clerk's %q %d", got.Address, got.Version, theirs.Address, theirs.Version)
	}
	tapOverlayButton(t, u.win, lang.L("stale.reload"))
	if s.form.phone.Text != theirs.GuardianPhone || s.form.address.Text != theirs.Address || s.form.child.Version != theirs.Version {
		t.Fatalf("reloaded form: phone %q address %q version %d, want %q %q %d", s.form.phone.Text, s.form.address.Text,
			s.form.child.Version, theirs.GuardianPhone, theirs.Address, theirs.Version)
	}
}
