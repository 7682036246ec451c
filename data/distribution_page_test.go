package data_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// TestNewestDistributionsPages walks a campaign's distributions a page at
// a time: newest day first, on one day the latest typed in first, no row
// twice or missed, and the count beside it.
func TestNewestDistributionsPages(t *testing.T) {
	st, c, child, backpack := stockFixture(t)
	ctx := context.Background()
	days := []int{20, 25, 20, 1, 25, 20} // of August, in the order typed in
	var ds []data.Distribution
	for _, day := range days {
		d := give(c, child, backpack, 1)
		d.GivenOn = data.Date(2019, 8, day)
		ds = append(ds, d)
	}
	if err := st.CreateDistributions(ctx, ds, true); err != nil {
		t.Fatal(err)
	}
	// newest first, written out by hand from days: 25 (5th, 2nd), 20 (6th, 3rd, 1st), 1 (4th)
	var want []string
	for _, i := range []int{5, 2, 6, 3, 1, 4} {
		want = append(want, fmt.Sprintf("%02d/%d", days[i-1], ds[i-1].ID))
	}
	f := data.DistributionFilter{CampaignID: c.ID}
	for _, n := range []int{1, 2, 4, 10} {
		var got []string
		var after data.DistributionCursor
		for pages := 0; pages < 10; pages++ {
			rows, err := st.FindNewestDistributions(ctx, f, after, n)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) > n {
				t.Fatalf("page of %d rows, asked %d", len(rows), n)
			}
			for _, r := range rows {
				got = append(got, fmt.Sprintf("%02d/%d", r.GivenOn.Day(), r.ID))
				if r.ChildName == "" || r.SchoolNumber != 7 {
					t.Fatalf("row %+v: no child's name or school", r)
				}
			}
			if len(rows) < n {
				break
			}
			after = rows[len(rows)-1].Cursor()
		}
		if g, w := strings.Join(got, " "), strings.Join(want, " "); g != w {
			t.Fatalf("pages of %d: %s, want %s", n, g, w)
		}
	}
	if n, err := st.CountDistributions(ctx, f); err != nil || n != len(days) {
		t.Fatalf("count=%d, %v; want %d", n, err, len(days))
	}
}

// TestNewestDistributionsPending lists only those waiting for the head,
// newest first, and counts them.
func TestNewestDistributionsPending(t *testing.T) {
	st, c, child, backpack := stockFixture(t)
	ctx := context.Background()
	approved := give(c, child, backpack, 1)
	approved.GivenOn = data.Date(2019, 8, 30)
	if err := st.CreateDistributions(ctx, []data.Distribution{approved}, true); err != nil {
		t.Fatal(err)
	}
	st.SetRole(data.RoleClerk)
	var ds []data.Distribution
	for _, day := range []int{3, 9} {
		d := give(c, child, backpack, 1)
		d.GivenOn = data.Date(2019, 8, day)
		ds = append(ds, d)
	}
	if err := st.CreateDistributions(ctx, ds, true); err != nil {
		t.Fatal(err)
	}
	f := data.DistributionFilter{CampaignID: c.ID, Pending: true}
	rows, err := st.FindNewestDistributions(ctx, f, data.DistributionCursor{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].ID != ds[1].ID || rows[1].ID != ds[0].ID {
		t.Fatalf("pending=%+v, want the 9 August one, then the 3 August one", rows)
	}
	if n, err := st.CountDistributions(ctx, f); err != nil || n != 2 {
		t.Fatalf("pending count=%d, %v; want 2", n, err)
	}
}
