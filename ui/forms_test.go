package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
)

func TestSponsorFormSaves(t *testing.T) {
	u, st := newTestUI(t)
	u.show(scrSponsors, nil)
	s := u.screens[scrSponsors].(*sponsorsScreen)
	before := len(s.rows)
	s.onNewTapped()
	bin := mustValidBIN(t, 777)
	test.Type(s.form.name, "«Шұғыла Тест» ЖШС")
	test.Type(s.form.bin, bin)
	test.Type(s.form.phone, "+7 701 000 00 00")
	if err := s.form.bin.Validate(); err != nil {
		t.Fatalf("valid BIN %s refused: %v", bin, err)
	}
	test.Tap(s.form.save)

	rows, err := st.FindSponsors(context.Background(), data.SponsorFilter{Query: bin})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Name != "«Шұғыла Тест» ЖШС" || rows[0].Kind != data.SponsorLegal {
		t.Fatalf("saved sponsors %+v, want the one typed", rows)
	}
	if got, want := len(s.rows), before+1; got != want {
		t.Fatalf("list has %d sponsors, want %d", got, want)
	}
	if s.form.state.dirty {
		t.Fatal("form still dirty after saving")
	}
}

func TestSponsorFormBadBINNamesTheField(t *testing.T) {
	u, st := newTestUI(t)
	u.show(scrSponsors, nil)
	s := u.screens[scrSponsors].(*sponsorsScreen)
	s.onNewTapped()
	bin := []byte(mustValidBIN(t, 778))
	bin[11] = '0' + (bin[11]-'0'+1)%10 // break the check digit
	test.Type(s.form.name, "«Қате» ЖШС")
	test.Type(s.form.bin, string(bin))
	if s.form.bin.Validate() == nil {
		t.Fatal("the inline validator accepted a wrong check digit")
	}
	test.Tap(s.form.save)
	rows, _ := st.FindSponsors(context.Background(), data.SponsorFilter{Query: "Қате"})
	if len(rows) != 0 {
		t.Fatalf("a sponsor with a bad BIN was saved: %+v", rows)
	}
	msg := overlayText(u.win)
	if !strings.Contains(msg, "БСН / ЖСН") || !strings.Contains(msg, "бақылау цифры") {
		t.Fatalf("error dialog %q does not name the BIN field in Kazakh", msg)
	}
}

func TestChildFormProposesFromIINAndSaves(t *testing.T) {
	u, st := newTestUI(t)
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	s.onNewTapped()
	f := s.form
	test.Type(f.iin, "061211600012")
	if got, want := f.birth.Text, "11.12.2006"; got != want {
		t.Fatalf("birth date proposed %q, want %q", got, want)
	}
	if got, want := f.sex.Selected, f.sexChoice.label(data.Female); got != want {
		t.Fatalf("sex proposed %q, want %q", got, want)
	}
	test.Type(f.surname, "әбенова")
	test.Type(f.name, "айгерім")
	test.Tap(f.cats[data.CatOrphan])
	test.Tap(f.consent)
	test.Type(f.consentBy, "Әбенова С. (әжесі)")
	test.Tap(f.save)

	c, err := st.FindChildByIIN(context.Background(), "061211600012")
	if err != nil {
		t.Fatalf("child not saved: %v (dialog: %s)", err, overlayText(u.win))
	}
	if c.Surname != "Әбенова" || !c.HasCategory(data.CatOrphan) || len(c.Categories) != 1 {
		t.Fatalf("saved %+v", c)
	}
	if !c.ConsentOn.Equal(today()) || c.ConsentBy == "" {
		t.Fatalf("consent recorded as %v by %q, want today by the guardian", c.ConsentOn, c.ConsentBy)
	}
}

func TestDonationFormSavesMoneyAndItems(t *testing.T) {
	u, st := newTestUI(t)
	u.show(scrDonations, nil)
	s := u.screens[scrDonations].(*donationsScreen)
	s.onNewTapped()
	f := s.form
	label := f.sponsorNames[0]
	f.sponsor.SetText(label)
	f.money.SetText("")
	test.Type(f.money, "150 000")
	f.addLine(data.DonationItem{Quantity: 1})
	f.rows[0].item.SetSelected(f.itemChoice.labels[1])
	f.rows[0].qty.SetText("")
	test.Type(f.rows[0].qty, "25")
	test.Type(f.rows[0].value, "9")
	test.Tap(widgetButton(t, f.buildUI(), "Сақтау"))
	ds, err := st.FindDonations(context.Background(), data.DonationFilter{SponsorID: f.sponsorIDs[label], CampaignID: u.campaign.ID})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range ds {
		if d.MoneyTenge == 150000 && len(d.Items) == 1 && d.Items[0].Quantity == 25 {
			found = true
		}
	}
	if !found {
		t.Fatalf("donation not saved; dialog: %s; sponsor's donations %+v", overlayText(u.win), ds)
	}
}

func TestUnsavedChangesAsk(t *testing.T) {
	u, _ := newTestUI(t)
	u.show(scrSponsors, nil)
	s := u.screens[scrSponsors].(*sponsorsScreen)
	test.Type(s.form.name, "Жаңа")
	u.show(scrChildren, nil)
	if u.current != scrSponsors {
		t.Fatalf("left a form with unsaved changes for %s without asking", u.current)
	}
	if !strings.Contains(overlayText(u.win), "сақталмаған") {
		t.Fatalf("no unsaved-changes prompt: %q", overlayText(u.win))
	}
	tapOverlayButton(t, u.win, "Тастау")
	if u.current != scrChildren {
		t.Fatalf("after discarding, on %s, want children", u.current)
	}
}
