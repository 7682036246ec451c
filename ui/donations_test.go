package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
)

// FindSponsorNames is the first query of each load of the donations screen.
func (c *countingStore) FindSponsorNames(ctx context.Context) ([]data.Sponsor, error) {
	c.donationLoads.Add(1)
	return c.Store.FindSponsorNames(ctx)
}

func (c *countingStore) FindNewestDonations(ctx context.Context, f data.DonationFilter,
	after data.DonationCursor, n int) ([]data.Donation, error) {
	c.donationPages.Add(1)
	return c.Store.FindNewestDonations(ctx, f, after, n)
}

func (c *countingStore) CountDonations(ctx context.Context, f data.DonationFilter) (int, error) {
	c.donationCounts.Add(1)
	return c.Store.CountDonations(ctx, f)
}

// TestDonationsPageByPage: the donations screen says it loads (a spinner
// too once the load is slow), then
// the newest page and the campaign's count; leaving while it loads and
// coming back runs one load; «more» brings the rest in the store's order;
// leaving lets go of the rows.
func TestDonationsPageByPage(t *testing.T) {
	u, cs, held := newHeldUI(t)
	ctx := context.Background()
	f := data.DonationFilter{CampaignID: u.campaign.ID}
	sp, err := cs.FindSponsorNames(ctx)
	if err != nil || len(sp) == 0 {
		t.Fatalf("demo sponsors %d, %v", len(sp), err)
	}
	for n, _ := cs.CountDonations(ctx, f); n < donationPage+17; n++ {
		d := data.Donation{SponsorID: sp[n%len(sp)].ID, CampaignID: u.campaign.ID,
			DonatedOn: data.Date(2019, 8, 1+n%28), MoneyTenge: int64(1000 + n)}
		if err := cs.CreateDonation(ctx, &d); err != nil {
			t.Fatal(err)
		}
	}
	all, err := cs.FindDonations(ctx, f) // the whole campaign, newest first: what the pages must add up to
	if err != nil {
		t.Fatal(err)
	}
	cs.donationLoads.Store(0)
	cs.donationCounts.Store(0)
	u.show(scrDonations, nil)
	s := u.screens[scrDonations].(*donationsScreen)
	if s.busy.Visible() || s.count.Text != "Жүктелуде…" {
		t.Fatalf("while loading: busy %v, count %q; want «Жүктелуде…» and no spinner before busySlow", s.busy.Visible(), s.count.Text)
	}
	waitUntilTrue(t, "the list's spinner on a slow load", s.busy.Visible) // ui/busy_test.go
	u.show(scrDashboard, nil)
	u.show(scrDonations, nil)
	held.run(false)
	if l, p, c := cs.donationLoads.Load(), cs.donationPages.Load(), cs.donationCounts.Load(); l != 1 || p != 1 || c != 1 {
		t.Fatalf("loads=%d, pages=%d, counts=%d; want 1 of each", l, p, c)
	}
	if len(s.rows) != donationPage || s.total != len(all) || !s.more.Visible() || s.busy.Visible() {
		t.Fatalf("shown %d of %d (more %v, busy %v), want a page of %d of %d and «more»",
			len(s.rows), s.total, s.more.Visible(), s.busy.Visible(), donationPage, len(all))
	}
	test.Tap(s.more)
	held.run(false)
	if len(s.rows) != len(all) || s.more.Visible() {
		t.Fatalf("after «more» %d rows (more %v), want all %d", len(s.rows), s.more.Visible(), len(all))
	}
	for i, d := range all {
		if s.rows[i].ID != d.ID || len(s.rows[i].Items) != len(d.Items) {
			t.Fatalf("row %d: #%d with %d lines, want #%d with %d", i, s.rows[i].ID, len(s.rows[i].Items), d.ID, len(d.Items))
		}
	}
	u.show(scrChildren, nil)
	held.run(false)
	if s.rows != nil {
		t.Fatalf("donations hold %d rows after they were left", len(s.rows))
	}
}
