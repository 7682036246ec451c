package data_test

import (
	"context"
	"errors"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// stockFixture makes a campaign with one child, one sponsor and 10 donated backpacks.
func stockFixture(t *testing.T) (*data.Store, data.Campaign, data.Child, data.AidItem) {
	t.Helper()
	st := mustOpen(t)
	ctx := context.Background()
	c := data.Campaign{Year: 2019, NameKK: "Мектепке жол – 2019", StartsOn: data.Date(2019, 7, 1), EndsOn: data.Date(2019, 9, 30)}
	if err := st.CreateCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	child := newChild("061211600012", mustSchool(t, st, 7).ID)
	if err := st.CreateChild(ctx, &child); err != nil {
		t.Fatal(err)
	}
	sp := data.Sponsor{Kind: data.SponsorIndividual, Name: "Асқар Оспанов"}
	if err := st.CreateSponsor(ctx, &sp); err != nil {
		t.Fatal(err)
	}
	items, _ := st.FindAidItems(ctx)
	var backpack data.AidItem
	for _, it := range items {
		if it.Code == "backpack" {
			backpack = it
		}
	}
	d := data.Donation{SponsorID: sp.ID, CampaignID: c.ID, DonatedOn: data.Date(2019, 7, 5),
		Items: []data.DonationItem{{ItemID: backpack.ID, Quantity: 10, UnitValueTenge: 6500}}}
	if err := st.CreateDonation(ctx, &d); err != nil {
		t.Fatal(err)
	}
	return st, c, child, backpack
}

func give(c data.Campaign, child data.Child, item data.AidItem, qty int64) data.Distribution {
	return data.Distribution{ChildID: child.ID, CampaignID: c.ID, ItemID: item.ID, Quantity: qty, GivenOn: data.Date(2019, 8, 20)}
}

func leftOf(t *testing.T, st *data.Store, c data.Campaign, item data.AidItem) int64 {
	t.Helper()
	lines, err := st.Stock(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if l.Item.ID == item.ID {
			return l.Left()
		}
	}
	t.Fatalf("no stock line for %s", item.Code)
	return 0
}

func TestStockArithmetic(t *testing.T) {
	st, c, child, backpack := stockFixture(t)
	ctx := context.Background()
	if got := leftOf(t, st, c, backpack); got != 10 {
		t.Fatalf("stock after donation=%d, want 10", got)
	}
	p := data.Purchase{CampaignID: c.ID, ItemID: backpack.ID, Quantity: 5, UnitPriceTenge: 6000, PurchasedOn: data.Date(2019, 8, 1)}
	if err := st.CreatePurchase(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateDistributions(ctx, []data.Distribution{give(c, child, backpack, 3)}, false); err != nil {
		t.Fatal(err)
	}
	if got := leftOf(t, st, c, backpack); got != 10+5-3 {
		t.Fatalf("stock=%d, want 12", got)
	}
	dist, _ := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: c.ID})
	if len(dist) != 1 || dist[0].SchoolNumber != 7 {
		t.Fatalf("distribution=%+v, want one at the child's school №7", dist)
	}
	if err := st.DeleteDistribution(ctx, dist[0].ID); err != nil {
		t.Fatal(err)
	}
	if got := leftOf(t, st, c, backpack); got != 15 {
		t.Fatalf("stock after taking back=%d, want 15", got)
	}
}

func TestStockBelowZeroNeedsForce(t *testing.T) {
	st, c, child, backpack := stockFixture(t)
	ctx := context.Background()
	err := st.CreateDistributions(ctx, []data.Distribution{give(c, child, backpack, 11)}, false)
	var conflict *data.DistributionConflict
	if !errors.As(err, &conflict) || len(conflict.Shortages) != 1 || conflict.Shortages[0].Available != 10 {
		t.Fatalf("err=%v, want a shortage of 10 available", err)
	}
	if got := leftOf(t, st, c, backpack); got != 10 {
		t.Fatalf("refused distribution changed the stock to %d", got)
	}
	if err := st.CreateDistributions(ctx, []data.Distribution{give(c, child, backpack, 11)}, true); err != nil {
		t.Fatalf("forced: %v", err)
	}
	if got := leftOf(t, st, c, backpack); got != -1 {
		t.Fatalf("stock=%d, want -1 after forcing", got)
	}
	problems, err := st.Check(ctx)
	if err != nil || len(problems) != 1 || problems[0].Kind != "stock" {
		t.Fatalf("check=%+v, %v; want the negative stock", problems, err)
	}
}

func TestDuplicateDistributionFlagged(t *testing.T) {
	st, c, child, backpack := stockFixture(t)
	ctx := context.Background()
	if err := st.CreateDistributions(ctx, []data.Distribution{give(c, child, backpack, 1)}, false); err != nil {
		t.Fatal(err)
	}
	err := st.CreateDistributions(ctx, []data.Distribution{give(c, child, backpack, 1)}, false)
	var conflict *data.DistributionConflict
	if !errors.As(err, &conflict) || len(conflict.Duplicates) != 1 || conflict.Duplicates[0].ChildID != child.ID {
		t.Fatalf("second backpack: err=%v, want a duplicate of child %d", err, child.ID)
	}
	if err := st.CreateDistributions(ctx, []data.Distribution{give(c, child, backpack, 1)}, true); err != nil {
		t.Fatalf("forced: %v", err)
	}
	rows, _ := st.FindDistributions(ctx, data.DistributionFilter{ChildID: child.ID})
	if len(rows) != 2 || rows[0].Forced == rows[1].Forced {
		t.Fatalf("rows=%+v, want two, the second marked forced", rows)
	}
	// duplicates inside one batch count too
	err = st.CreateDistributions(ctx, []data.Distribution{give(c, child, backpack, 1), give(c, child, backpack, 1)}, false)
	if !errors.As(err, &conflict) {
		t.Fatalf("batch with a repeated child: err=%v, want a conflict", err)
	}
}

func TestBatchRollsBackOnError(t *testing.T) {
	st, c, child, backpack := stockFixture(t)
	ctx := context.Background()
	other := newChild("791028302728", 0)
	if err := st.CreateChild(ctx, &other); err != nil {
		t.Fatal(err)
	}
	before, _ := st.RawCount(`SELECT * FROM audit_log`)
	batch := []data.Distribution{give(c, child, backpack, 1), give(c, other, backpack, 1), give(c, child, backpack, 1)}
	batch[2].ChildID = 99999 // no such child: the insert fails on the foreign key
	if err := st.CreateDistributions(ctx, batch, true); err == nil {
		t.Fatal("batch with a missing child saved")
	}
	if n, _ := st.RawCount(`SELECT * FROM distributions`); n != 0 {
		t.Fatalf("%d distributions left by a failed batch, want 0", n)
	}
	if after, _ := st.RawCount(`SELECT * FROM audit_log`); after != before {
		t.Fatalf("audit rows %d → %d after a failed batch", before, after)
	}
	bad := []data.Distribution{give(c, child, backpack, 1), give(c, other, backpack, 0)}
	var ve *data.ValidationError
	if err := st.CreateDistributions(ctx, bad, false); !errors.As(err, &ve) || ve.Field != "quantity[2]" {
		t.Fatalf("err=%v, want quantity[2] named", err)
	}
}

// TestLargeBatchFindsDuplicates covers the path of big batches, which read
// the campaign's earlier distributions at once.
func TestLargeBatchFindsDuplicates(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 700, Sponsors: 10, Distributions: 10})
	ctx := context.Background()
	earlier, _ := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: c.ID})
	kids, _ := st.FindChildren(ctx, data.ChildFilter{})
	items, _ := st.FindAidItems(ctx)
	var other data.AidItem
	for _, it := range items {
		if it.ID != earlier[0].ItemID {
			other = it
		}
	}
	var batch []data.Distribution
	for _, k := range kids[:600] {
		if k.ID != earlier[0].ChildID {
			batch = append(batch, give(c, k, other, 1))
		}
	}
	batch[10].ItemID = earlier[0].ItemID // given before the batch …
	batch[10].ChildID = earlier[0].ChildID
	batch = append(batch, batch[20]) // … and twice within it
	err := st.CreateDistributions(ctx, batch, false)
	var conflict *data.DistributionConflict
	if !errors.As(err, &conflict) || len(conflict.Duplicates) != 2 {
		t.Fatalf("err=%v, want the 2 duplicates", err)
	}
	if n, _ := st.RawCount(`SELECT * FROM distributions WHERE campaign_id = ?`, c.ID); n != len(earlier) {
		t.Fatalf("%d distributions after a refused batch, want %d", n, len(earlier))
	}
}
