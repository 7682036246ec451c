package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// TestBatchDistributionsKeepTheirIDs gives a batch of 450 (on SQLite nine
// INSERTs of 50 rows) and finds each distribution by the ID the
// batch was given; a batch naming a missing child is refused naming it.
func TestBatchDistributionsKeepTheirIDs(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 200, Sponsors: 5, Distributions: 10})
	ctx := context.Background()
	children, err := st.FindChildren(ctx, data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	items, _ := st.FindAidItems(ctx)
	var batch []data.Distribution
	for i := 0; len(batch) < 450; i++ {
		batch = append(batch, data.Distribution{ChildID: children[i%len(children)].ID, CampaignID: c.ID,
			ItemID: items[i%len(items)].ID, Quantity: int64(1 + i%4), GivenOn: data.Date(2019, 8, 20)})
	}
	if err := st.CreateDistributions(ctx, batch, true); err != nil {
		t.Fatal(err)
	}
	for _, d := range batch {
		rows, err := st.FindDistributions(ctx, data.DistributionFilter{ID: d.ID})
		if err != nil || len(rows) != 1 {
			t.Fatalf("distribution #%d: %d rows, %v", d.ID, len(rows), err)
		}
		if got := rows[0]; got.ChildID != d.ChildID || got.ItemID != d.ItemID || got.Quantity != d.Quantity {
			t.Fatalf("distribution #%d is %+v, want child %d, item %d, quantity %d", d.ID, got.Distribution,
				d.ChildID, d.ItemID, d.Quantity)
		}
	}
	bad := append([]data.Distribution(nil), batch[:5]...)
	bad[3].ChildID = 999999
	err = st.CreateDistributions(ctx, bad, true)
	if !errors.Is(err, data.ErrConflict) {
		t.Fatalf("a missing child: err=%v, want a conflict", err)
	}
	if got, want := err.Error(), "child #999999"; !strings.Contains(got, want) {
		t.Fatalf("err=%q, want it to name %q", got, want)
	}
}
