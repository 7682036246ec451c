package data_test

import (
	"context"
	"testing"

	"github.com/mektepkezhol/app/data"
)

func TestFindPurchases(t *testing.T) {
	st, c, _, backpack := stockFixture(t)
	ctx := context.Background()
	items, err := st.FindAidItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	other := items[0]
	if other.ID == backpack.ID {
		other = items[1]
	}
	buys := []data.Purchase{
		{CampaignID: c.ID, ItemID: backpack.ID, Quantity: 5, UnitPriceTenge: 4500, PurchasedOn: data.Date(2019, 8, 1), Notes: "«Меломан» ЖШС"},
		{CampaignID: c.ID, ItemID: other.ID, Size: "34", Quantity: 3, UnitPriceTenge: 9000, PurchasedOn: data.Date(2019, 8, 5)},
		{CampaignID: c.ID, ItemID: backpack.ID, Quantity: 2, UnitPriceTenge: 4700, PurchasedOn: data.Date(2019, 8, 10)},
	}
	for i := range buys {
		if err := st.CreatePurchase(ctx, &buys[i]); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		f    data.PurchaseFilter
		want []data.Purchase // newest first
	}{
		{"campaign", data.PurchaseFilter{CampaignID: c.ID}, []data.Purchase{buys[2], buys[1], buys[0]}},
		{"item", data.PurchaseFilter{CampaignID: c.ID, ItemID: backpack.ID}, []data.Purchase{buys[2], buys[0]}},
		{"other campaign", data.PurchaseFilter{CampaignID: c.ID + 1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.FindPurchases(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("purchases=%d, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("purchase %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
	// the stock counts what FindPurchases lists
	lines, err := st.Stock(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if l.Item.ID != backpack.ID {
			continue
		}
		if got, want := l.Purchased, buys[0].Quantity+buys[2].Quantity; got != want {
			t.Fatalf("stock purchased=%d, want %d", got, want)
		}
	}
}

// BenchmarkFindPurchases lists one item's purchases among 5 000 in a campaign.
func BenchmarkFindPurchases(b *testing.B) {
	st := mustOpen(b)
	ctx := context.Background()
	c := data.Campaign{Year: 2019, NameKK: "Мектепке жол – 2019", StartsOn: data.Date(2019, 7, 1), EndsOn: data.Date(2019, 9, 30)}
	if err := st.CreateCampaign(ctx, &c); err != nil {
		b.Fatal(err)
	}
	items, err := st.FindAidItems(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 5000; i++ {
		p := data.Purchase{CampaignID: c.ID, ItemID: items[i%len(items)].ID, Quantity: int64(1 + i%20),
			UnitPriceTenge: 4500, PurchasedOn: data.Date(2019, 8, 1+i%30)}
		if err := st.CreatePurchase(ctx, &p); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := st.FindPurchases(ctx, data.PurchaseFilter{CampaignID: c.ID, ItemID: items[0].ID}); err != nil {
			b.Fatal(err)
		}
	}
}
