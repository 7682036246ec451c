package data_test

import (
	"context"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// TestTallyMigrationMeetsAWriter: a clerk's app, still open at schema 13,
// gives an item while another app migrates the server to 0014. The
// migration waits for that save (it locks the tables against writes), so
// its counts hold the gift, which no trigger was there to count.
func TestTallyMigrationMeetsAWriter(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("server only")
	}
	dsn := datatest.DSN(t)
	st, err := data.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.FillDemo(ctx, data.DemoOptions{Children: 50, Sponsors: 5, Distributions: 60}); err != nil {
		t.Fatal(err)
	}
	undoTallies(t, st)
	campaigns, _ := st.FindCampaigns(ctx)
	ids, _ := st.FindChildIDs(ctx, data.ChildFilter{})
	items, _ := st.FindAidItems(ctx)
	tx, err := st.RawBegin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`INSERT INTO distributions (child_id, campaign_id, item_id, size, quantity, given_on, act_number, issued_by, forced)
		VALUES (?, ?, ?, '', 7, '2024-08-01', '', '', 0)`, ids[0], campaigns[0].ID, items[0].ID); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	var st2 *data.Store
	go func() {
		var err error
		st2, err = data.Open(dsn)
		done <- err
	}()
	time.Sleep(2 * time.Second)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	problems, err := st2.CheckTallies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Fatalf("tallies after the migration met a writer: %+v", problems)
	}
}
