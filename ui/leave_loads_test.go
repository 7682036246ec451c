package ui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// listLoadsStore counts the list loads of the sponsors, appeals, coverage
// and items screens that reached the store, and any cancelled there.
type listLoadsStore struct {
	*countingStore
	sponsors, appeals, cases, stock, schools, cancelled atomic.Int32
}

func (s *listLoadsStore) count(n *atomic.Int32, err error) {
	n.Add(1)
	if errors.Is(err, context.Canceled) {
		s.cancelled.Add(1)
	}
}

func (s *listLoadsStore) FindSponsors(ctx context.Context, f data.SponsorFilter) ([]data.SponsorRow, error) {
	rows, err := s.countingStore.FindSponsors(ctx, f)
	s.count(&s.sponsors, err)
	return rows, err
}

func (s *listLoadsStore) FindAppeals(ctx context.Context, f data.AppealFilter) ([]data.Appeal, error) {
	rows, err := s.countingStore.FindAppeals(ctx, f)
	s.count(&s.appeals, err)
	return rows, err
}

func (s *listLoadsStore) FindCoverageCases(ctx context.Context, f data.CoverageFilter) ([]data.CoverageCase, error) {
	rows, err := s.countingStore.FindCoverageCases(ctx, f)
	s.count(&s.cases, err)
	return rows, err
}

func (s *listLoadsStore) FindSchools(ctx context.Context) ([]data.School, error) {
	rows, err := s.countingStore.FindSchools(ctx)
	s.count(&s.schools, err)
	return rows, err
}

func (s *listLoadsStore) Stock(ctx context.Context, campaignID int64) ([]data.StockLine, error) {
	rows, err := s.countingStore.Stock(ctx, campaignID)
	s.count(&s.stock, err)
	return rows, err
}

// listScreenCase is one screen left while its list loads: what it loads
// (the store's counter), its spinner (nil: the top bar's alone), what the
// test changes in the store while the clerk is away, and whether the
// screen shows that change.
type listScreenCase struct {
	screen string
	loads  func(*listLoadsStore) *atomic.Int32
	busy   func(*App) *spinner
	change func(*testing.T, *App) (shown func() bool)
}

// TestListScreensLeftWhileLoading: the sponsors, appeals, coverage, items
// and schools screens, left while their list loads (the spinner turning
// after busySlow) and shown again, ask the store once — the load left behind
// is cancelled before it asks — show what the store holds when the clerk
// came back, show no error and stop their spinner.
func TestListScreensLeftWhileLoading(t *testing.T) {
	for _, c := range []listScreenCase{
		{scrSponsors, func(s *listLoadsStore) *atomic.Int32 { return &s.sponsors },
			func(u *App) *spinner { return u.screens[scrSponsors].(*sponsorsScreen).busy }, newSponsorWhileAway},
		{scrAppeals, func(s *listLoadsStore) *atomic.Int32 { return &s.appeals },
			func(u *App) *spinner { return u.screens[scrAppeals].(*appealsScreen).busy }, newAppealWhileAway},
		{scrCoverage, func(s *listLoadsStore) *atomic.Int32 { return &s.cases },
			func(u *App) *spinner { return u.screens[scrCoverage].(*coverageScreen).busy }, newCaseWhileAway},
		{scrItems, func(s *listLoadsStore) *atomic.Int32 { return &s.stock },
			func(u *App) *spinner { return u.screens[scrItems].(*itemsScreen).busy }, newPurchaseWhileAway},
		{scrSchools, func(s *listLoadsStore) *atomic.Int32 { return &s.schools }, nil, newSchoolWhileAway},
	} {
		t.Run(c.screen, func(t *testing.T) {
			u, cs, held := newHeldUI(t)
			ls := &listLoadsStore{countingStore: cs}
			u.st = ls
			busy, away := newSpinner(), scrSchools
			busy.Hide() // the schools have none
			if c.busy != nil {
				busy = c.busy(u)
			}
			if c.screen == scrSchools {
				away = scrSponsors
			}
			u.show(c.screen, nil)
			if busy.Visible() {
				t.Fatal("spinner shown before busySlow")
			}
			if c.busy != nil {
				waitUntilTrue(t, "the list's spinner on a slow load", busy.Visible) // ui/busy_test.go
			}
			u.show(away, nil)
			if busy.Visible() {
				t.Fatal("spinner still turning on the screen left")
			}
			shown := c.change(t, u)
			u.show(c.screen, nil)
			held.run(false) // the load left behind first, then the newer
			if n, x := c.loads(ls).Load(), ls.cancelled.Load(); n != 1 || x != 0 {
				t.Fatalf("loads reaching the store %d (cancelled there %d), want 1", n, x)
			}
			if !shown() {
				t.Fatal("the change made while away is not shown")
			}
			if msg := overlayText(u.win); msg != "" {
				t.Fatalf("an error shown: %q", msg)
			}
			if busy.Visible() {
				t.Fatal("spinner still turning after the load")
			}
		})
	}
}

// TestSponsorsSearchNewerAnswerStays: a search typed over a search still
// loading shows the newer answer, whichever comes back last; the older
// one is cancelled and shows no error.
func TestSponsorsSearchNewerAnswerStays(t *testing.T) {
	u, cs, held := newHeldUI(t)
	all, err := cs.FindSponsors(context.Background(), data.SponsorFilter{CampaignID: u.campaign.ID})
	if err != nil {
		t.Fatal(err)
	}
	u.show(scrSponsors, nil)
	held.run(false)
	s := u.screens[scrSponsors].(*sponsorsScreen)
	if len(s.rows) != len(all) || len(all) < 2 {
		t.Fatalf("listed %d of %d sponsors", len(s.rows), len(all))
	}
	s.search.SetText(all[0].Name) // the older search: one sponsor
	s.search.SetText("")          // the newer: all of them
	held.run(true)                // the newer answer lands first
	if len(s.rows) != len(all) {
		t.Fatalf("listed %d sponsors, want the newer answer's %d", len(s.rows), len(all))
	}
	if msg := overlayText(u.win); msg != "" {
		t.Fatalf("an error shown for the older search: %q", msg)
	}
}

func newSponsorWhileAway(t *testing.T, u *App) func() bool {
	sp := data.Sponsor{Name: "Жаңа Демеуші", Kind: data.SponsorLegal, BIN: mustValidBIN(t, 9001)}
	if err := u.st.CreateSponsor(context.Background(), &sp); err != nil {
		t.Fatal(err)
	}
	s := u.screens[scrSponsors].(*sponsorsScreen)
	return func() bool {
		return slices.ContainsFunc(s.rows, func(r data.SponsorRow) bool { return r.ID == sp.ID })
	}
}

func newAppealWhileAway(t *testing.T, u *App) func() bool {
	a := data.Appeal{CampaignID: u.campaign.ID, ReceivedAt: time.Date(2019, 8, 29, 9, 30, 0, 0, time.UTC),
		Channel: data.ChannelHotline, Subject: "Мектеп формасы керек"}
	if err := u.st.CreateAppeal(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	s := u.screens[scrAppeals].(*appealsScreen)
	return func() bool { return slices.ContainsFunc(s.rows, func(r data.Appeal) bool { return r.ID == a.ID }) }
}

func newCaseWhileAway(t *testing.T, u *App) func() bool {
	c := data.CoverageCase{CampaignID: u.campaign.ID, ChildName: "Оспанов Ерлан", FoundOn: data.Date(2019, 9, 2),
		Source: data.SourcePolice, Reason: data.ReasonNoClothes}
	if err := u.st.CreateCoverageCase(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	s := u.screens[scrCoverage].(*coverageScreen)
	return func() bool {
		return slices.ContainsFunc(s.rows, func(r data.CoverageCase) bool { return r.ID == c.ID })
	}
}

func newSchoolWhileAway(t *testing.T, u *App) func() bool {
	sc := data.School{Number: 901, NameKK: "Жаңа мектеп", NameRU: "Новая школа", Type: data.SchoolGeneral}
	if err := u.st.CreateSchool(context.Background(), &sc); err != nil {
		t.Fatal(err)
	}
	s := u.screens[scrSchools].(*schoolsScreen)
	return func() bool { return slices.ContainsFunc(s.rows, func(r data.School) bool { return r.ID == sc.ID }) }
}

// newPurchaseWhileAway buys 7 more of the catalogue's first item: the
// screen must show its purchased count 7 above the one before.
func newPurchaseWhileAway(t *testing.T, u *App) func() bool {
	ctx := context.Background()
	items, err := u.st.FindAidItems(ctx)
	if err != nil || len(items) == 0 {
		t.Fatalf("demo items %d, %v", len(items), err)
	}
	before := purchased(t, u, items[0].ID, nil)
	p := data.Purchase{CampaignID: u.campaign.ID, ItemID: items[0].ID, Quantity: 7, UnitPriceTenge: 6000,
		PurchasedOn: data.Date(2019, 8, 1)}
	if err := u.st.CreatePurchase(ctx, &p); err != nil {
		t.Fatal(err)
	}
	s := u.screens[scrItems].(*itemsScreen)
	return func() bool { return purchased(t, u, items[0].ID, s.rows) == before+7 }
}

// purchased reads item's purchased count from rows, or from the store
// (not counted as the screen's load) when rows is nil.
func purchased(t *testing.T, u *App, item int64, rows []data.StockLine) int64 {
	t.Helper()
	if rows == nil {
		var err error
		if rows, err = u.st.(*listLoadsStore).Store.Stock(context.Background(), u.campaign.ID); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range rows {
		if l.Item.ID == item {
			return l.Purchased
		}
	}
	return -1
}

// failingStockStore is the counting store whose stock cannot be read, and
// whose summary takes long (as on a region's file): it waits until it is
// cancelled, or 30 s.
type failingStockStore struct {
	*countingStore
	sumCancelled atomic.Bool
}

var errStockUnreadable = errors.New("stock: disk I/O error")

func (s *failingStockStore) Stock(context.Context, int64) ([]data.StockLine, error) {
	return nil, errStockUnreadable
}

func (s *failingStockStore) Summary(ctx context.Context, campaignID int64) (data.Summary, error) {
	select {
	case <-ctx.Done():
		s.sumCancelled.Store(true)
		return data.Summary{}, ctx.Err()
	case <-time.After(30 * time.Second):
	}
	return s.countingStore.Summary(ctx, campaignID)
}

// TestDashboardStockFailureStopsSummary: the dashboard whose stock fails
// shows that error at once: it cancels the summary beside it instead of
// waiting for it, and shows the stock's error, not the cancellation.
func TestDashboardStockFailureStopsSummary(t *testing.T) {
	u, cs, held := newHeldUI(t)
	fs := &failingStockStore{countingStore: cs}
	u.st = fs
	u.show(scrSchools, nil)
	held.run(false)
	u.show(scrDashboard, nil)
	done := make(chan struct{})
	go func() { held.run(false); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the dashboard's load still waits for the summary after its stock failed")
	}
	if !fs.sumCancelled.Load() {
		t.Fatal("the summary was not cancelled")
	}
	if msg := overlayText(u.win); !strings.Contains(msg, errStockUnreadable.Error()) {
		t.Fatalf("shown %q, want the stock's error", msg)
	}
}
