package data_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// TestNewestDonationsPages walks a campaign's donations a page at a time:
// newest day first, on one day the latest typed in first, each with its
// own lines, no donation twice or missed, another campaign's left out,
// and the count beside it.
func TestNewestDonationsPages(t *testing.T) {
	st, c, _, backpack := stockFixture(t) // holds one donation of 5 July, typed in first
	ctx := context.Background()
	sp := data.Sponsor{Kind: data.SponsorIndividual, Name: "Гүлнар Сейітова"}
	if err := st.CreateSponsor(ctx, &sp); err != nil {
		t.Fatal(err)
	}
	other := data.Campaign{Year: 2020, NameKK: "Мектепке жол – 2020", StartsOn: data.Date(2020, 7, 1), EndsOn: data.Date(2020, 9, 30)}
	if err := st.CreateCampaign(ctx, &other); err != nil {
		t.Fatal(err)
	}
	elsewhere := data.Donation{SponsorID: sp.ID, CampaignID: other.ID, DonatedOn: data.Date(2020, 8, 1), MoneyTenge: 1}
	if err := st.CreateDonation(ctx, &elsewhere); err != nil {
		t.Fatal(err)
	}
	days := []int{20, 25, 20, 1, 25, 20} // of August, in the order typed in; the i-th gives i backpacks
	ids := map[int]int64{}
	for i, day := range days {
		d := data.Donation{SponsorID: sp.ID, CampaignID: c.ID, DonatedOn: data.Date(2019, 8, day), MoneyTenge: int64(1000 * (i + 1)),
			Items: []data.DonationItem{{ItemID: backpack.ID, Quantity: int64(i + 1), UnitValueTenge: 6500}}}
		if err := st.CreateDonation(ctx, &d); err != nil {
			t.Fatal(err)
		}
		ids[i+1] = d.ID
	}
	// newest first, written out by hand from days: 25 Aug (5th, 2nd), 20 Aug
	// (6th, 3rd, 1st), 1 Aug (4th), then the fixture's of 5 July (10 backpacks)
	want := "25.08/5/5000 25.08/2/2000 20.08/6/6000 20.08/3/3000 20.08/1/1000 01.08/4/4000 05.07/10/0"
	f := data.DonationFilter{CampaignID: c.ID}
	for _, n := range []int{1, 2, 3, 10} {
		var got []string
		seen := map[int64]bool{}
		var after data.DonationCursor
		for pages := 0; pages < 10; pages++ {
			page, err := st.FindNewestDonations(ctx, f, after, n)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) > n {
				t.Fatalf("page of %d donations, asked %d", len(page), n)
			}
			for _, d := range page {
				if seen[d.ID] {
					t.Fatalf("pages of %d: donation #%d twice", n, d.ID)
				}
				seen[d.ID] = true
				if len(d.Items) != 1 {
					t.Fatalf("donation #%d with %d lines, want 1", d.ID, len(d.Items))
				}
				got = append(got, fmt.Sprintf("%s/%d/%d", d.DonatedOn.Format("02.01"), d.Items[0].Quantity, d.MoneyTenge))
			}
			if len(page) < n {
				break
			}
			after = page[len(page)-1].Cursor()
		}
		if g := strings.Join(got, " "); g != want {
			t.Fatalf("pages of %d:\n %s\nwant\n %s", n, g, want)
		}
	}
	if first, err := st.FindNewestDonations(ctx, f, data.DonationCursor{}, 1); err != nil || first[0].ID != ids[5] {
		t.Fatalf("first page %v, %v; want the 5th typed in (#%d)", first, err, ids[5])
	}
	if n, err := st.CountDonations(ctx, f); err != nil || n != 7 {
		t.Fatalf("count=%d, %v; want 7", n, err)
	}
	if n, err := st.CountDonations(ctx, data.DonationFilter{CampaignID: c.ID, SponsorID: sp.ID}); err != nil || n != 6 {
		t.Fatalf("count of one sponsor=%d, %v; want 6", n, err)
	}
	// the donation form's picker: every sponsor, by name
	names, err := st.FindSponsorNames(ctx)
	if err != nil || len(names) != 2 || names[0].Name != "Асқар Оспанов" || names[1].Name != "Гүлнар Сейітова" {
		t.Fatalf("sponsor names %+v, %v; want Асқар Оспанов, Гүлнар Сейітова", names, err)
	}
}
