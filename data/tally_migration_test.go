package data_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// TestTallyOracleCatchesADroppedTrigger drops one trigger and checks that
// the comparison above then fails: the oracle can tell.
func TestTallyOracleCatchesADroppedTrigger(t *testing.T) {
	r := newTallyRun(t, 7)
	ctx := context.Background()
	drop := `DROP TRIGGER tally_membership_insert`
	if datatest.OnServer() {
		drop = `DROP TRIGGER tally_membership ON child_categories`
	}
	if err := r.st.RawExec(drop); err != nil {
		t.Fatal(err)
	}
	c := r.newChild()
	c.Archived, c.Categories = false, []data.ChildCategory{{Code: data.CatOrphan}}
	if err := r.st.CreateChild(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got, _ := r.st.Summary(ctx, r.campaigns[0].ID)
	want, _ := r.st.DirectSummary(ctx, r.campaigns[0].ID)
	if got.ChildrenByCategory[data.CatOrphan] != want.ChildrenByCategory[data.CatOrphan]-1 {
		t.Fatalf("orphans: %d in the tally, %d counted; want one fewer without the trigger",
			got.ChildrenByCategory[data.CatOrphan], want.ChildrenByCategory[data.CatOrphan])
	}
	problems, err := r.st.CheckTallies(ctx)
	if err != nil || len(problems) == 0 || problems[0].Table != "tally_registered" {
		t.Fatalf("check=%+v, %v; want the orphans' shard kept and counted apart", problems, err)
	}
}

// TestTallyMigrationCountsTheSavedRows takes a database with rows back to
// before migration 0014 and opens it again: the migration's counts of the
// rows already saved are those counted from the rows, and those the
// triggers had kept.
func TestTallyMigrationCountsTheSavedRows(t *testing.T) {
	dsn := datatest.DSN(t)
	st, err := data.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := st.FillDemo(ctx, data.DemoOptions{Children: 300, Sponsors: 10, Distributions: 500}); err != nil {
		t.Fatal(err)
	}
	// some children archived, some without categories
	ids, err := st.FindChildIDs(ctx, data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range ids[:20] {
		c, err := st.FindChildByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		c.Archived = i%2 == 0
		if i%4 == 1 {
			c.Categories = nil
		}
		if err := st.UpdateChild(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	campaigns, err := st.FindCampaigns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kept := map[int64]data.Summary{}
	for _, c := range campaigns {
		if kept[c.ID], err = st.Summary(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	undoTallies(t, st)
	st.Close()

	st, err = data.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, c := range campaigns {
		got, err := st.Summary(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		want, err := st.DirectSummary(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(got, kept[c.ID]) {
			t.Fatalf("campaign %d:\nmigrated %+v\ncounted  %+v\nkept     %+v", c.Year, got, want, kept[c.ID])
		}
		if got.ChildrenHelped == 0 || got.Children == 0 {
			t.Fatalf("campaign %d: %d children, %d helped; want a demo's", c.Year, got.Children, got.ChildrenHelped)
		}
		stock, err := st.Stock(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		counted, err := st.DirectStock(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(stock, counted) {
			t.Fatalf("campaign %d:\nstock   %+v\ncounted %+v", c.Year, stock, counted)
		}
	}
	if problems, err := st.CheckTallies(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("migrated tallies differ from a count afresh: %+v, %v", problems, err)
	}
}

// undoTallies drops what migration 0014 made and its record.
func undoTallies(t *testing.T, st *data.Store) {
	t.Helper()
	drops := []string{`DROP TABLE tally_given`, `DROP TABLE tally_helped`, `DROP TABLE tally_registered`,
		`DELETE FROM schema_migrations WHERE version = 14`}
	if datatest.OnServer() {
		drops = append(drops, `DROP FUNCTION tally_distribution, tally_distribution_helped, tally_membership, tally_child, tally_child_delete,
			tally_given_add, tally_helped_add, tally_membership_add CASCADE`)
	} else {
		triggers, err := st.RawStrings(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tally%'`)
		if err != nil || len(triggers) < 10 {
			t.Fatalf("triggers %v, %v", triggers, err)
		}
		for _, tr := range triggers {
			drops = append(drops, `DROP TRIGGER `+tr)
		}
	}
	for _, q := range drops {
		if err := st.RawExec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}
