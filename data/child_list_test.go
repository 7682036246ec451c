package data_test

import (
	"context"
	"testing"

	"github.com/mektepkezhol/app/data"
)

func TestFindChildIDsMatchesFindChildren(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	if err := st.FillDemo(ctx, data.DemoOptions{Children: 400, Sponsors: 10, Distributions: 100}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []data.ChildFilter{{}, {Query: "ова"}, {Category: data.CatOrphan}, {Grade: 3}} {
		ids, err := st.FindChildIDs(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		all, err := st.FindChildren(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) != len(all) || len(ids) == 0 {
			t.Fatalf("%+v: %d IDs, %d children", f, len(ids), len(all))
		}
		for i := range ids {
			if ids[i] != all[i].ID {
				t.Fatalf("%+v: row %d is #%d, FindChildren has #%d", f, i, ids[i], all[i].ID)
			}
		}
		page := []int64{ids[len(ids)-1], -5, ids[0]}
		got, err := st.FindChildrenByIDs(ctx, page)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].ID != page[0] || got[1].ID != page[2] || got[1].FullName() != all[0].FullName() {
			t.Fatalf("FindChildrenByIDs(%v) = %d children, want the two that exist, in order", page, len(got))
		}
	}
}
