package data_test

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// TestBatchDistributionsKeepTheirIDs gives a batch of 450 (on SQLite one
// INSERT, the rows carried as JSON) and finds each distribution by the ID the
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

// TestBatchDistributionsKeepTheirTexts gives a batch of 1,200 (on SQLite
// two INSERTs, the rows carried as JSON) whose texts hold quotes,
// backslashes, control characters, Kazakh letters and HTML's specials:
// each is saved as given, its school the given one or the child's, and
// its audit row is the JSON of the distribution as saved; the batch is
// numbered by child. On SQLite a text that is no UTF-8 is saved as given
// too (row by row, numbered alike).
func TestBatchDistributionsKeepTheirTexts(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 300, Sponsors: 5, Distributions: 10})
	ctx := context.Background()
	children, err := st.FindChildren(ctx, data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	items, _ := st.FindAidItems(ctx)
	texts := []string{"", `19-"1"/0820`, `a\b\\c`, "line\nnext\ttab\x01\x1f", "Қазақстан №3 «ақ»", "<b>&amp;</b>", "\u2028 😀"}
	var batch []data.Distribution
	for i := 0; len(batch) < 1200; i++ {
		d := data.Distribution{ChildID: children[i%len(children)].ID, CampaignID: c.ID,
			ItemID: items[(i/len(children))%len(items)].ID, Quantity: 1, GivenOn: data.Date(2019, 8, 20),
			Size: texts[i%len(texts)], ActNumber: texts[(i+1)%len(texts)], IssuedBy: texts[(i+2)%len(texts)]}
		if i%5 == 0 {
			d.SchoolID = children[(i+7)%len(children)].SchoolID
		}
		batch = append(batch, d)
	}
	if err := st.CreateDistributions(ctx, batch, true); err != nil {
		t.Fatal(err)
	}
	checkSaved(t, st, batch)
	if datatest.OnServer() {
		return // a server's text holds UTF-8 only
	}
	odd := append([]data.Distribution(nil), batch[:60]...)
	for i := range odd {
		odd[i].ID, odd[i].ItemID, odd[i].ActNumber = 0, items[len(items)-1].ID, "\xff\xfe"+texts[i%len(texts)]
	}
	if err := st.CreateDistributions(ctx, odd, true); err != nil {
		t.Fatal(err)
	}
	checkSaved(t, st, odd)
}

// checkSaved finds each distribution of a batch by its ID, as given, and,
// on SQLite, the batch's audit rows, newest last, each the JSON of its
// distribution (a server's triggers write their own).
func checkSaved(t *testing.T, st *data.Store, batch []data.Distribution) {
	t.Helper()
	ctx := context.Background()
	// numbered by child (campaign, then child, then the batch's order)
	saved := slices.Clone(batch)
	slices.SortStableFunc(saved, func(a, b data.Distribution) int { return cmp.Compare(a.ChildID, b.ChildID) })
	for i, d := range saved[1:] {
		if d.ID <= saved[i].ID || !datatest.OnServer() && d.ID != saved[i].ID+1 {
			t.Fatalf("distribution of child %d has id %d after %d", d.ChildID, d.ID, saved[i].ID)
		}
	}
	for _, d := range batch {
		rows, err := st.FindDistributions(ctx, data.DistributionFilter{ID: d.ID})
		if err != nil || len(rows) != 1 {
			t.Fatalf("distribution #%d: %d rows, %v", d.ID, len(rows), err)
		}
		got := rows[0].Distribution
		if got.Size != d.Size || got.ActNumber != d.ActNumber || got.IssuedBy != d.IssuedBy || got.ChildID != d.ChildID ||
			got.ItemID != d.ItemID || !got.Forced {
			t.Fatalf("distribution #%d is %+v, want %+v", d.ID, got, d)
		}
		if d.SchoolID != 0 && got.SchoolID != d.SchoolID {
			t.Fatalf("distribution #%d at school %d, want %d", d.ID, got.SchoolID, d.SchoolID)
		}
	}
	if datatest.OnServer() {
		return
	}
	log, err := st.FindAudit(ctx, "distributions", len(batch))
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != len(batch) {
		t.Fatalf("%d audit rows, want %d", len(log), len(batch))
	}
	for i, e := range log {
		d := saved[len(saved)-1-i]
		want, _ := json.Marshal(d)
		if e.RowID != d.ID || e.Action != "insert" || e.OldJSON != "" || e.NewJSON != string(want) {
			t.Fatalf("audit row %d is %+v, want row %d %s", e.ID, e, d.ID, want)
		}
		if i > 0 && e.ID != log[i-1].ID-1 {
			t.Fatalf("audit row %d after %d", e.ID, log[i-1].ID)
		}
	}
}

// TestBatchRefusedGivesItsSliceBack gives a batch of 8,000 whose first row
// in saving order names no item: the batch is refused, and once the call
// returns nothing reads the caller's slice any more, which may then change
// it (the race detector of make test watches; the audit rows were made
// ready on another goroutine).
func TestBatchRefusedGivesItsSliceBack(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 300, Sponsors: 5, Distributions: 10})
	batch := batchOf(t, st, c.ID, 8000, data.Date(2019, 8, 20))
	low := 0
	for i, d := range batch {
		if d.ChildID < batch[low].ChildID {
			low = i
		}
	}
	batch[low].ItemID = 987654
	if err := st.CreateDistributions(context.Background(), batch, true); err == nil {
		t.Fatal("a batch naming no item was saved")
	}
	for i := range batch {
		batch[i].Size = "M" // the clerk corrects the form
	}
}

// TestBatchDateBeyondJSON gives one and 60 distributions dated in the year
// 20190 (JSON could not carry it into SQLite's audit): both are refused
// naming the date's field, and neither a distribution nor an audit row is
// left.
func TestBatchDateBeyondJSON(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 100, Sponsors: 5, Distributions: 10})
	for _, n := range []int{1, 60} {
		audited, _ := st.RawCount(`SELECT 1 FROM audit_log WHERE table_name = 'distributions'`)
		batch := batchOf(t, st, c.ID, n, time.Date(20190, 8, 20, 0, 0, 0, 0, time.UTC))
		err := st.CreateDistributions(context.Background(), batch, true)
		var ve *data.ValidationError
		if !errors.As(err, &ve) || !strings.HasPrefix(ve.Field, "given_on") {
			t.Fatalf("%d distributions of the year 20190: %v, want refused naming given_on", n, err)
		}
		saved, _ := st.RawCount(`SELECT 1 FROM distributions WHERE given_on LIKE '20190%'`)
		after, _ := st.RawCount(`SELECT 1 FROM audit_log WHERE table_name = 'distributions'`)
		if saved != 0 || after != audited {
			t.Fatalf("%d refused: %d saved, audit rows %d → %d", n, saved, audited, after)
		}
	}
}

// batchOf is n distributions of the campaign on day, the children and
// items taken in turn.
func batchOf(t *testing.T, st *data.Store, campaign int64, n int, day time.Time) []data.Distribution {
	t.Helper()
	ctx := context.Background()
	children, err := st.FindChildren(ctx, data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	items, err := st.FindAidItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	batch := make([]data.Distribution, n)
	for i := range batch {
		batch[i] = data.Distribution{ChildID: children[i%len(children)].ID, CampaignID: campaign,
			ItemID: items[(i/len(children))%len(items)].ID, Quantity: 1, GivenOn: day}
	}
	return batch
}
