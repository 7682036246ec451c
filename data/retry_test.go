package data_test

import (
	"context"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// TestLettersReplayed runs the letters' transaction twice, as a server that
// refuses it once does: the render callback sees each sponsor once a run.
func TestLettersReplayed(t *testing.T) {
	t.Setenv(data.EnvTxReplay, "1")
	st, c := mustDemo(t, data.DemoOptions{Children: 50, Sponsors: 10, Distributions: 50})
	ctx := context.Background()
	unthanked, err := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID, Unthanked: true})
	if err != nil || len(unthanked) < 2 {
		t.Fatalf("unthanked=%d, %v", len(unthanked), err)
	}
	ids := []int64{unthanked[0].ID, unthanked[1].ID}
	before, _ := st.FindLetters(ctx, c.ID)
	runs := 0
	got, err := st.IssueLetters(ctx, c.ID, ids, "kk", data.Date(2019, 10, 1), func(ls []data.Letter) error {
		runs++
		if len(ls) != len(ids) {
			t.Errorf("run %d: render got %d letters for %d sponsors", runs, len(ls), len(ids))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if runs != 2 || len(got) != len(ids) {
		t.Fatalf("runs=%d letters=%d, want 2 runs and %d letters", runs, len(got), len(ids))
	}
	if got[0].Number != len(before)+1 || got[1].Number != len(before)+2 {
		t.Fatalf("numbers=%d,%d, want %d,%d", got[0].Number, got[1].Number, len(before)+1, len(before)+2)
	}
}

func TestNumbersLocksDiffer(t *testing.T) {
	// «letters» and «appeals» have one length; once they shared a lock.
	if a, b := data.NumbersLock("letters", 1), data.NumbersLock("appeals", 1); a == b {
		t.Fatalf("letters and appeals share lock %d", a)
	}
	if a, b := data.NumbersLock("letters", 1), data.NumbersLock("letters", 2); a == b {
		t.Fatalf("two campaigns share lock %d", a)
	}
}
