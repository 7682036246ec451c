package data_test

import (
	"context"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// TestTallyOneStatementManyRows: a DBA's one statement over two
// distributions of one child in one campaign (a campaign's rows deleted,
// a child's rows moved to another, rows inserted from a SELECT) counts the
// child helped once, on both engines: a server's AFTER row triggers see the
// whole statement's rows, so the helped count is kept BEFORE each row.
func TestTallyOneStatementManyRows(t *testing.T) {
	for _, tc := range []struct{ name, sql string }{
		{"delete both", `DELETE FROM distributions WHERE child_id = ?1 AND campaign_id = ?2 AND ?3 > 0`},
		{"move both to another child", `UPDATE distributions SET child_id = ?3 WHERE child_id = ?1 AND campaign_id = ?2 AND ?3 > 0`},
		{"insert two at once", `INSERT INTO distributions (child_id, campaign_id, item_id, size, quantity, given_on, act_number, issued_by, forced)
			SELECT ?3, campaign_id, item_id, size, quantity, given_on, act_number, issued_by, forced FROM distributions WHERE child_id = ?1 AND campaign_id = ?2 AND ?3 > 0`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newTallyRun(t, 11)
			ctx := context.Background()
			c := r.campaigns[len(r.campaigns)-1] // 2020, no demo gifts
			a, b := r.newChild(), r.newChild()
			a.Archived, b.Archived = false, false
			a.Categories = []data.ChildCategory{{Code: data.CatOrphan}}
			if err := r.st.CreateChild(ctx, &a); err != nil {
				t.Fatal(err)
			}
			if err := r.st.CreateChild(ctx, &b); err != nil {
				t.Fatal(err)
			}
			batch := []data.Distribution{
				{ChildID: a.ID, CampaignID: c.ID, ItemID: r.items[0].ID, Quantity: 1, GivenOn: c.StartsOn},
				{ChildID: a.ID, CampaignID: c.ID, ItemID: r.items[1].ID, Quantity: 1, GivenOn: c.StartsOn},
			}
			if err := r.st.CreateDistributions(ctx, batch, true); err != nil {
				t.Fatal(err)
			}
			r.agree(0, "two gifts")
			if err := r.st.RawExec(tc.sql, a.ID, c.ID, b.ID); err != nil {
				t.Fatal(err)
			}
			r.agree(1, tc.name)
		})
	}
}
