package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

func stockOf(t *testing.T, st *data.Store, campaignID, itemID int64) data.StockLine {
	t.Helper()
	lines, err := st.Stock(context.Background(), campaignID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if l.Item.ID == itemID {
			return l
		}
	}
	t.Fatalf("no stock line for item #%d", itemID)
	return data.StockLine{}
}

func TestPurchaseSavesAndRefreshesStock(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrItems, nil)
	s := u.screens[scrItems].(*itemsScreen)
	row := -1
	for i, l := range s.rows {
		if l.Item.Sized {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("the demo catalogue has no sized item")
	}
	item := s.rows[row].Item
	before := stockOf(t, st, u.campaign.ID, item.ID)
	s.table.table.Select(widget.TableCellID{Row: row})
	test.Tap(widgetButton(t, s.buildUI(), "Сатып алу"))
	f := s.purchase
	if got, want := f.item.Selected, item.Name("kk"); got != want {
		t.Fatalf("purchase proposes %q, want the open item %q", got, want)
	}
	if f.size.Disabled() {
		t.Fatal("size disabled for a sized item")
	}

	// a bad quantity names the field and keeps the dialog and what was typed
	test.Type(f.qty, "он екі")
	test.Type(f.price, "4 500")
	test.Tap(f.save)
	if msg := overlayText(u.win); !strings.Contains(msg, "Саны") {
		t.Fatalf("error %q does not name the quantity", msg)
	}
	if got := stockOf(t, st, u.campaign.ID, item.ID); got.Purchased != before.Purchased {
		t.Fatalf("a purchase with a bad quantity was saved: %d", got.Purchased-before.Purchased)
	}
	tapOverlayButton(t, u.win, "Жарайды") // close the error: the purchase dialog stays with what was typed
	if got := f.qty.Text; got != "он екі" {
		t.Fatalf("quantity typed lost: %q", got)
	}

	f.qty.SetText("12")
	test.Type(f.size, "38")
	test.Type(f.note, "«Меломан» ЖШС, шот №17")
	f.date.SetText("15.08.2019")
	if !strings.Contains(f.total.Text, money(12*4500)) {
		t.Fatalf("total %q, want %s", f.total.Text, money(12*4500))
	}
	test.Tap(f.save)

	after := stockOf(t, st, u.campaign.ID, item.ID)
	if got, want := after.Purchased, before.Purchased+12; got != want {
		t.Fatalf("purchased=%d, want %d", got, want)
	}
	ps, err := st.FindPurchases(ctx, data.PurchaseFilter{CampaignID: u.campaign.ID, ItemID: item.ID})
	if err != nil {
		t.Fatal(err)
	}
	p := ps[0]
	if p.Size != "38" || p.UnitPriceTenge != 4500 || p.Notes != "«Меломан» ЖШС, шот №17" || dateText(p.PurchasedOn) != "15.08.2019" {
		t.Fatalf("saved purchase %+v, want the one typed", p)
	}
	// reopened, the dialog lists the purchase just saved
	test.Tap(widgetButton(t, s.buildUI(), "Сатып алу"))
	if got := s.purchase.recent.Text; !strings.Contains(got, "15.08.2019 · 12") || !strings.Contains(got, "(38)") {
		t.Fatalf("recent purchases %q do not list the one saved", got)
	}
	for _, l := range s.rows {
		if l.Item.ID == item.ID && l.Purchased != after.Purchased {
			t.Fatalf("screen shows %d purchased, store %d", l.Purchased, after.Purchased)
		}
	}
}

func TestDeleteSponsorRefusedThenDeleted(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrSponsors, nil)
	s := u.screens[scrSponsors].(*sponsorsScreen)
	var donor data.SponsorRow
	for _, r := range s.rows {
		if r.MoneyTenge+r.InKindTenge > 0 {
			donor = r
			break
		}
	}
	s.form.edit(donor.Sponsor)
	test.Tap(s.form.del)
	// refused at once, never first asked «…жойылсын ба?»
	if msg := overlayText(u.win); !strings.Contains(msg, "түсімдері немесе алғыс хаты бар") || strings.Contains(msg, "жойылсын ба") {
		t.Fatalf("refusal %q is not the clerk's sentence, said before asking", msg)
	}
	u.closeDialogs()
	if _, err := st.FindSponsorByID(ctx, donor.ID); err != nil {
		t.Fatalf("the donor was deleted: %v", err)
	}

	// a sponsor with nothing given goes, and the list stays at its place
	extra := data.Sponsor{Kind: data.SponsorIndividual, Name: "Ааа Жойылатын"}
	if err := st.CreateSponsor(ctx, &extra); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	row := rowOf(len(s.rows), func(i int) int64 { return s.rows[i].ID }, extra.ID)
	s.table.table.Select(widget.TableCellID{Row: row})
	if s.form.sponsor.ID != extra.ID {
		t.Fatalf("form opened #%d, want #%d", s.form.sponsor.ID, extra.ID)
	}
	n := len(s.rows)
	test.Tap(s.form.del)
	if msg := overlayText(u.win); !strings.Contains(msg, "«"+extra.Name+"» демеушісі жойылсын ба?") {
		t.Fatalf("confirm %q does not name the sponsor in one pair of quotes", msg)
	}
	tapOverlayButton(t, u.win, "Жою")
	if _, err := st.FindSponsorByID(ctx, extra.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleted sponsor still found: %v", err)
	}
	if got, want := len(s.rows), n-1; got != want {
		t.Fatalf("list has %d sponsors, want %d", got, want)
	}
	if want := s.rows[min(row, len(s.rows)-1)].ID; s.form.sponsor.ID != want {
		t.Fatalf("after the delete the form shows #%d, want the neighbour #%d", s.form.sponsor.ID, want)
	}
}

func TestDeleteDonation(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrDonations, nil)
	s := u.screens[scrDonations].(*donationsScreen)
	if s.form.del.Disabled() == false {
		t.Fatal("delete enabled on a new donation")
	}
	row := 3
	d := s.rows[row]
	s.table.table.Select(widget.TableCellID{Row: row})
	test.Tap(s.form.del)
	if msg := overlayText(u.win); !strings.Contains(msg, s.sponsors[d.SponsorID].Name) || !strings.Contains(msg, dateText(d.DonatedOn)) {
		t.Fatalf("confirm %q does not name the donation", msg)
	}
	tapOverlayButton(t, u.win, "Жою")
	if _, err := st.FindDonationByID(ctx, d.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleted donation still found: %v", err)
	}
	all, err := st.FindDonations(ctx, data.DonationFilter{CampaignID: u.campaign.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(s.rows), len(all); got != want {
		t.Fatalf("list has %d donations, store %d", got, want)
	}
	if s.form.donation.ID != s.rows[row].ID {
		t.Fatalf("form shows #%d, want the neighbour #%d", s.form.donation.ID, s.rows[row].ID)
	}
}

func TestTakeBackDistribution(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrDistributions, nil)
	s := u.screens[scrDistributions].(*distributionsScreen)
	if !s.takeBack.Disabled() {
		t.Fatal("take back enabled with nothing selected")
	}
	row := 2
	r := s.rows[row]
	before := stockOf(t, st, u.campaign.ID, r.ItemID)
	s.table.table.Select(widget.TableCellID{Row: row})
	test.Tap(s.takeBack)
	if msg := overlayText(u.win); !strings.Contains(msg, r.ChildName) {
		t.Fatalf("confirm %q does not name the child %q", msg, r.ChildName)
	}
	tapOverlayButton(t, u.win, "Қайтарып алу")
	left, err := st.FindDistributions(ctx, data.DistributionFilter{ID: r.ID})
	if err != nil || len(left) != 0 {
		t.Fatalf("distribution #%d still there (%v)", r.ID, err)
	}
	if got, want := stockOf(t, st, u.campaign.ID, r.ItemID).Distributed, before.Distributed-r.Quantity; got != want {
		t.Fatalf("distributed=%d, want %d", got, want)
	}
	if s.sel != row {
		t.Fatalf("selection at row %d, want the clerk's place %d", s.sel, row)
	}
}

func TestDeleteOrArchiveChild(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)

	given, err := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: u.campaign.ID, Limit: 1})
	if err != nil || len(given) == 0 {
		t.Fatalf("no distributions in the demo (%v)", err)
	}
	s.form.edit(given[0].ChildID)
	test.Tap(s.form.del)
	tapOverlayButton(t, u.win, "Архивке")
	c, err := st.FindChildByID(ctx, given[0].ChildID)
	if err != nil || !c.Archived {
		t.Fatalf("child who received aid: archived=%v (%v), want archived", c.Archived, err)
	}
	for _, id := range s.shownIDs() {
		if id == c.ID {
			t.Fatal("the archived child is still listed")
		}
	}

	fresh := data.Child{IIN: "061211600012", Surname: "Жойылатын", Name: "Бала", Grade: 3}
	if err := st.CreateChild(ctx, &fresh); err != nil {
		t.Fatal(err)
	}
	s.form.edit(fresh.ID)
	test.Tap(s.form.del)
	if msg := overlayText(u.win); !strings.Contains(msg, "Жойылатын Бала") {
		t.Fatalf("confirm %q does not name the child", msg)
	}
	tapOverlayButton(t, u.win, "Жою")
	if _, err := st.FindChildByID(ctx, fresh.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("child who received nothing still found: %v", err)
	}
}

func TestAppealLinksChild(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrAppeals, nil)
	s := u.screens[scrAppeals].(*appealsScreen)
	kids, err := st.FindChildren(ctx, data.ChildFilter{Limit: 5})
	if err != nil || len(kids) < 5 {
		t.Fatalf("children: %d (%v)", len(kids), err)
	}
	kid := kids[4]
	f := s.form
	f.newCall()
	test.Type(f.citizen, "Серікова Гүлнар")
	test.Type(f.subject, "Форма берілмеді")
	test.Type(f.child.search, string(kid.IIN))
	if len(f.child.pick.Options) != 1 {
		t.Fatalf("search by IIN offers %v, want one child", f.child.pick.Options)
	}
	f.child.pick.SetSelected(f.child.pick.Options[0])
	test.Tap(f.save)
	id := f.appeal.ID
	a := findAppeal(t, st, u.campaign.ID, id)
	if a.ChildID != kid.ID {
		t.Fatalf("appeal child=#%d, want #%d", a.ChildID, kid.ID)
	}
	if !strings.Contains(f.child.linked.Text, kid.FullName()) {
		t.Fatalf("form shows child %q, want %q", f.child.linked.Text, kid.FullName())
	}
	test.Tap(f.child.clear)
	test.Tap(f.save)
	if a := findAppeal(t, st, u.campaign.ID, id); a.ChildID != 0 {
		t.Fatalf("cleared link saved as child #%d", a.ChildID)
	}
}

func findAppeal(t *testing.T, st *data.Store, campaignID, id int64) data.Appeal {
	t.Helper()
	as, err := st.FindAppeals(context.Background(), data.AppealFilter{CampaignID: campaignID})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("appeal #%d not saved", id)
	return data.Appeal{}
}

func TestChildCategoryDocument(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	kids, err := st.FindChildren(ctx, data.ChildFilter{Limit: 1})
	if err != nil || len(kids) == 0 {
		t.Fatalf("no children (%v)", err)
	}
	f := s.form
	f.edit(kids[0].ID)
	code := data.CategoryCodes[0]
	if !f.cats[code].Checked {
		test.Tap(f.cats[code])
	}
	test.Tap(f.docBtns[code])
	var entries []*lineEntry
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*lineEntry); ok {
			entries = append(entries, e)
		}
	})
	if len(entries) != 4 {
		t.Fatalf("document dialog has %d entries, want 4", len(entries))
	}
	test.Type(entries[0], "Анықтама")
	test.Type(entries[1], "АҚ-1234")
	test.Type(entries[2], "10.01.2018")
	test.Type(entries[3], "01.01.2019") // before the test's today, 02.09.2019
	tapOverlayButton(t, u.win, "Дайын")
	if got := f.docInfo[code].Importance; got != widget.WarningImportance {
		t.Fatalf("expired document shown with importance %v, want warning", got)
	}
	test.Tap(f.save)
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		tapOverlayButton(t, u.win, "OK") // the warnings' «save anyway»
	}
	c, err := st.FindChildByID(ctx, kids[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var got data.ChildCategory
	for _, cc := range c.Categories {
		if cc.Code == code {
			got = cc
		}
	}
	if got.DocType != "Анықтама" || got.DocNumber != "АҚ-1234" || dateText(got.DocDate) != "10.01.2018" ||
		dateText(got.DocValidUntil) != "01.01.2019" {
		t.Fatalf("saved category %+v, want the document typed", got)
	}
	f.edit(c.ID) // reopened, the expired document still warns
	if f.docInfo[code].Importance != widget.WarningImportance || !strings.Contains(f.docInfo[code].Text, "АҚ-1234") {
		t.Fatalf("reopened: %q importance %v", f.docInfo[code].Text, f.docInfo[code].Importance)
	}
}
