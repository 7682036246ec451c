package ui

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// countingStore is the real store that counts the list's queries.
type countingStore struct {
	*data.Store
	newest, counts, childPicks                   atomic.Int32
	donationLoads, donationPages, donationCounts atomic.Int32 // ui/donations_test.go
}

func (c *countingStore) FindChildPicks(ctx context.Context, q string, n int) ([]data.Child, error) {
	c.childPicks.Add(1)
	return c.Store.FindChildPicks(ctx, q, n)
}

func (c *countingStore) FindNewestDistributions(ctx context.Context, f data.DistributionFilter,
	after data.DistributionCursor, n int) ([]data.DistributionRow, error) {
	c.newest.Add(1)
	return c.Store.FindNewestDistributions(ctx, f, after, n)
}

func (c *countingStore) CountDistributions(ctx context.Context, f data.DistributionFilter) (int, error) {
	c.counts.Add(1)
	return c.Store.CountDistributions(ctx, f)
}

// heldWork holds the background work back until the test runs it, as a
// slow database would: loads are on their way while the clerk clicks.
type heldWork struct {
	mu    sync.Mutex
	queue []func()
}

func (h *heldWork) add(work func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.queue = append(h.queue, work)
}

func (h *heldWork) len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.queue)
}

func (h *heldWork) run(newestFirst bool) {
	for {
		h.mu.Lock()
		if len(h.queue) == 0 {
			h.mu.Unlock()
			return
		}
		i := 0
		if newestFirst {
			i = len(h.queue) - 1
		}
		w := h.queue[i]
		h.queue = append(h.queue[:i], h.queue[i+1:]...)
		h.mu.Unlock()
		w()
	}
}

// newHeldUI builds the workspace over a counting store of 300 demo
// distributions, its background work held.
func newHeldUI(t *testing.T) (*App, *countingStore, *heldWork) {
	t.Helper()
	a := test.NewTempApp(t)
	st := demoStore(t)
	held := &heldWork{}
	oldBg, oldToday := background, today
	background = held.add
	today = func() time.Time { return data.Date(2019, 9, 2) }
	t.Cleanup(func() { background, today = oldBg, oldToday; setLanguage("kk") })
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1366, 768))
	cs := &countingStore{Store: st}
	u := New(a, w, cs)
	u.searchWait = 0
	held.run(false)
	return u, cs, held
}

// TestDistributionsComeBackWhileLoading leaves Тарату while its list
// loads and comes back: one load runs, not two, and its page shows.
func TestDistributionsComeBackWhileLoading(t *testing.T) {
	u, cs, held := newHeldUI(t)
	u.show(scrDistributions, nil)
	s := u.screens[scrDistributions].(*distributionsScreen)
	if s.count.Text != "Жүктелуде…" || s.busy.Visible() {
		t.Fatalf("while the list loads: count %q, spinner %v; want «Жүктелуде…» and no spinner before busySlow", s.count.Text, s.busy.Visible())
	}
	waitUntilTrue(t, "the list's spinner on a slow load", s.busy.Visible) // ui/busy_test.go
	u.show(scrDashboard, nil)
	u.show(scrDistributions, nil)
	held.run(false)
	if got := cs.newest.Load(); got != 1 {
		t.Fatalf("list loads=%d, want 1", got)
	}
	if got := cs.counts.Load(); got != 1 {
		t.Fatalf("count loads=%d, want 1", got)
	}
	all, err := cs.FindDistributions(context.Background(), data.DistributionFilter{CampaignID: u.campaign.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) <= distPage {
		t.Fatalf("the demo gave %d distributions, the test needs more than a page (%d)", len(all), distPage)
	}
	if len(s.rows) != distPage || s.total != len(all) || !s.more.Visible() || s.busy.Visible() {
		t.Fatalf("shown %d of %d (more %v, busy %v), want a page of %d of %d and «more»",
			len(s.rows), s.total, s.more.Visible(), s.busy.Visible(), distPage, len(all))
	}
	for i := 1; i < len(s.rows); i++ {
		if s.rows[i].GivenOn.After(s.rows[i-1].GivenOn) {
			t.Fatalf("row %d given %v after row %d's %v: not newest first", i, s.rows[i].GivenOn, i-1, s.rows[i-1].GivenOn)
		}
	}
	test.Tap(s.more)
	held.run(false)
	if len(s.rows) != len(all) || s.more.Visible() {
		t.Fatalf("after «more» %d rows (more %v), want all %d", len(s.rows), s.more.Visible(), len(all))
	}
	u.show(scrChildren, nil)
	held.run(false)
	if s.rows != nil {
		t.Fatalf("Тарату holds %d rows after it was left", len(s.rows))
	}
}

// TestDistributionsNewerLoadWins toggles «only pending» while the full
// list loads: whichever answer comes last, the pending list is shown.
func TestDistributionsNewerLoadWins(t *testing.T) {
	for _, newestFirst := range []bool{false, true} {
		u, cs, held := newHeldUI(t)
		all, err := cs.FindDistributions(context.Background(), data.DistributionFilter{CampaignID: u.campaign.ID})
		if err != nil || len(all) < 3 {
			t.Fatalf("demo has %d distributions (%v), want ≥ 3", len(all), err)
		}
		datatest.Unapprove(t, cs.Store, all[0].ID, all[1].ID, all[2].ID)
		u.show(scrDistributions, nil)
		s := u.screens[scrDistributions].(*distributionsScreen)
		s.pending.SetChecked(true)
		held.run(newestFirst)
		pending, err := cs.CountDistributions(context.Background(), data.DistributionFilter{CampaignID: u.campaign.ID, Pending: true})
		if err != nil {
			t.Fatal(err)
		}
		if s.total != 3 || len(s.rows) != 3 || pending != 3 {
			t.Fatalf("newest first %v: shown %d of %d, want the 3 pending (store: %d)", newestFirst, len(s.rows), s.total, pending)
		}
		for _, r := range s.rows {
			if !r.Pending() {
				t.Fatalf("newest first %v: an approved distribution %d in the pending list", newestFirst, r.ID)
			}
		}
	}
}

// TestListsLetGoWhenLeft: a list screen holds no rows once another screen
// is shown, and has them again when shown again.
func TestListsLetGoWhenLeft(t *testing.T) {
	u, _ := newTestUI(t)
	sp := u.screens[scrSponsors].(*sponsorsScreen)
	u.show(scrSponsors, nil)
	n := len(sp.rows)
	if n == 0 {
		t.Fatal("the demo's sponsors are not listed")
	}
	u.show(scrDonations, nil)
	if sp.rows != nil {
		t.Fatalf("sponsors hold %d rows after they were left", len(sp.rows))
	}
	if d := u.screens[scrDonations].(*donationsScreen); len(d.rows) == 0 {
		t.Fatal("the demo's donations are not listed")
	}
	u.show(scrSponsors, nil)
	if len(sp.rows) != n {
		t.Fatalf("sponsors list %d rows when shown again, want %d", len(sp.rows), n)
	}
}
