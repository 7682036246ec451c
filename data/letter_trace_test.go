package data_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// TestTraceGiftsFIFO checks the first-in-first-out tracing on a campaign
// small enough to follow by hand: A's 3 backpacks come first and reach the
// first three children (school 1); B's 4 come next and reach the last two
// (school 2), so 2 of B's 4 are still in the store room.
func TestTraceGiftsFIFO(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	c := data.Campaign{Year: 2019, NameKK: "Мектепке жол – 2019", StartsOn: data.Date(2019, 7, 1), EndsOn: data.Date(2019, 9, 30)}
	must(t, st.CreateCampaign(ctx, &c))
	var schools [2]data.School
	for i := range schools {
		schools[i] = data.School{Number: i + 1, NameKK: fmt.Sprintf("№%d мектеп", i+1), Type: "general"}
		must(t, st.CreateSchool(ctx, &schools[i]))
	}
	var children []data.Child
	for i := 0; i < 5; i++ {
		iin, ok := data.MakeIIN(data.Date(2010, 3, 1+i), data.Male, 100+i)
		if !ok {
			t.Fatal("MakeIIN failed")
		}
		ch := data.Child{IIN: iin, Surname: "Сәрсенов", Name: fmt.Sprintf("Бала%d", i), Grade: 3,
			SchoolID: schools[min(i/3, 1)].ID}
		must(t, st.CreateChild(ctx, &ch))
		children = append(children, ch)
	}
	items, err := st.FindAidItems(ctx)
	must(t, err)
	var backpack data.AidItem
	for _, it := range items {
		if it.Code == "backpack" {
			backpack = it
		}
	}
	sponsors := []data.Sponsor{{Kind: data.SponsorIndividual, Name: "Әлиев Ғалым Қанатұлы"},
		{Kind: data.SponsorIndividual, Name: "Иванова Ольга Петровна"}, {Kind: data.SponsorIndividual, Name: "Нөлов Бос"}}
	for i, qty := range []int64{3, 4} {
		must(t, st.CreateSponsor(ctx, &sponsors[i]))
		d := data.Donation{SponsorID: sponsors[i].ID, CampaignID: c.ID, DonatedOn: data.Date(2019, 7, 1+4*i),
			MoneyTenge: 1000 * int64(i), Items: []data.DonationItem{{ItemID: backpack.ID, Quantity: qty, UnitValueTenge: 5000}}}
		must(t, st.CreateDonation(ctx, &d))
	}
	must(t, st.CreateSponsor(ctx, &sponsors[2]))
	var ds []data.Distribution
	for i, ch := range children {
		ds = append(ds, data.Distribution{ChildID: ch.ID, CampaignID: c.ID, ItemID: backpack.ID, Quantity: 1,
			GivenOn: data.Date(2019, 8, 1+i)})
	}
	must(t, st.CreateDistributions(ctx, ds, false))

	traces, err := st.TraceGifts(ctx, c.ID, []int64{sponsors[0].ID, sponsors[1].ID, sponsors[2].ID})
	must(t, err)
	tests := []struct {
		name                    string
		id                      int64
		money, given, delivered int64
		children, schools       int
	}{
		{"first donor", sponsors[0].ID, 0, 3, 3, 3, 1},
		{"second donor", sponsors[1].ID, 1000, 4, 2, 2, 1},
		{"no gift", sponsors[2].ID, 0, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := traces[tt.id]
			if g.MoneyTenge != tt.money || g.ItemsGiven != tt.given || g.ItemsDelivered != tt.delivered ||
				g.Children != tt.children || g.Schools != tt.schools {
				t.Fatalf("trace = %+v, want money %d given %d delivered %d children %d schools %d",
					g, tt.money, tt.given, tt.delivered, tt.children, tt.schools)
			}
			if tt.given > 0 && (len(g.Items) != 1 || g.Items[0].Item.Code != "backpack" || g.Items[0].ValueTenge != 5000*tt.given) {
				t.Fatalf("items = %+v, want one backpack line worth %d", g.Items, 5000*tt.given)
			}
		})
	}
}

// TestTraceGiftsCountsEachChildOnce follows, by hand, distributions that
// cross from one sponsor's lot into the next and a child served twice: A
// gives 3 notebooks and B 2. Child 1 gets 2 (A's), child 2 gets 2 (A's
// last, B's first), child 1 comes back for 1 (B's last). So A reached
// children 1 and 2, B children 2 and 1, each counted once, one school each.
func TestTraceGiftsCountsEachChildOnce(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	c := data.Campaign{Year: 2019, NameKK: "Мектепке жол – 2019", StartsOn: data.Date(2019, 7, 1), EndsOn: data.Date(2019, 9, 30)}
	must(t, st.CreateCampaign(ctx, &c))
	school := data.School{Number: 7, NameKK: "№7 мектеп", Type: "general"}
	must(t, st.CreateSchool(ctx, &school))
	var children [2]data.Child
	for i := range children {
		iin, ok := data.MakeIIN(data.Date(2011, 4, 1+i), data.Female, 200+i)
		if !ok {
			t.Fatal("MakeIIN failed")
		}
		children[i] = data.Child{IIN: iin, Surname: "Омарова", Name: fmt.Sprintf("Қыз%d", i), Grade: 2, SchoolID: school.ID}
		must(t, st.CreateChild(ctx, &children[i]))
	}
	items, err := st.FindAidItems(ctx)
	must(t, err)
	var item data.AidItem
	for _, it := range items {
		if it.Code == "stationery" {
			item = it
		}
	}
	if item.ID == 0 {
		t.Fatalf("no stationery in the catalogue %+v", items)
	}
	sponsors := []data.Sponsor{{Kind: data.SponsorIndividual, Name: "Әлиев Ғалым"}, {Kind: data.SponsorIndividual, Name: "Борисов Иван"}}
	for i, qty := range []int64{3, 2} {
		must(t, st.CreateSponsor(ctx, &sponsors[i]))
		d := data.Donation{SponsorID: sponsors[i].ID, CampaignID: c.ID, DonatedOn: data.Date(2019, 7, 1+i),
			Items: []data.DonationItem{{ItemID: item.ID, Quantity: qty, UnitValueTenge: 300}}}
		must(t, st.CreateDonation(ctx, &d))
	}
	var ds []data.Distribution
	for i, g := range []struct{ child, qty int }{{0, 2}, {1, 2}, {0, 1}} {
		ds = append(ds, data.Distribution{ChildID: children[g.child].ID, CampaignID: c.ID, ItemID: item.ID,
			Quantity: int64(g.qty), GivenOn: data.Date(2019, 8, 1+i)})
	}
	must(t, st.CreateDistributions(ctx, ds, true)) // child 1 twice: forced, as the clerk would
	traces, err := st.TraceGifts(ctx, c.ID, []int64{sponsors[0].ID, sponsors[1].ID})
	must(t, err)
	for i, want := range []int64{3, 2} {
		g := traces[sponsors[i].ID]
		if g.ItemsGiven != want || g.ItemsDelivered != want || g.Children != 2 || g.Schools != 1 {
			t.Fatalf("sponsor %d: trace %+v, want %d given and delivered, 2 children, 1 school", i+1, g, want)
		}
	}
}

// TestTraceGiftsAgreesWithStore compares the traces of every donor of the
// demo campaign with the store's own totals.
func TestTraceGiftsAgreesWithStore(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 300, Sponsors: 25, Distributions: 400, Seed: 5})
	ctx := context.Background()
	rows, err := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID, OnlyDonors: true})
	must(t, err)
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	traces, err := st.TraceGifts(ctx, c.ID, ids)
	must(t, err)
	// nil traces every donor: the same traces, and no one else's.
	all, err := st.TraceGifts(ctx, c.ID, nil)
	must(t, err)
	if !reflect.DeepEqual(all, traces) {
		t.Fatalf("every donor's trace (%d sponsors) differs from the donors' own (%d)", len(all), len(traces))
	}
	sum, err := st.Summary(ctx, c.ID)
	must(t, err)
	stock, err := st.Stock(ctx, c.ID)
	must(t, err)
	var money, given, delivered int64
	for _, r := range rows {
		g := traces[r.ID]
		if g.MoneyTenge != r.MoneyTenge || g.ItemsGiven != r.InKindItems {
			t.Fatalf("sponsor #%d: trace money %d items %d, store %d and %d", r.ID, g.MoneyTenge, g.ItemsGiven, r.MoneyTenge, r.InKindItems)
		}
		if g.ItemsDelivered > g.ItemsGiven || g.Children > sum.ChildrenHelped || g.Schools > sum.Schools {
			t.Fatalf("sponsor #%d: trace %+v beyond the campaign's figures", r.ID, g)
		}
		money, given, delivered = money+g.MoneyTenge, given+g.ItemsGiven, delivered+g.ItemsDelivered
	}
	var distributed, purchased int64
	for _, l := range stock {
		distributed, purchased = distributed+l.Distributed, purchased+l.Purchased
	}
	if money != sum.MoneyTenge || given != sum.InKindItems {
		t.Fatalf("traces: money %d items %d; summary: %d and %d", money, given, sum.MoneyTenge, sum.InKindItems)
	}
	// Every distributed item came from a donation or a purchase.
	if delivered > distributed || delivered+purchased < distributed {
		t.Fatalf("delivered %d, distributed %d, purchased %d", delivered, distributed, purchased)
	}
	if delivered == 0 {
		t.Fatal("no donated item traced to a child")
	}
}

func must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}
