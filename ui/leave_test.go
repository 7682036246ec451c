package ui

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// summaryStore is the counting store that notes the context each of the
// dashboard's sums ran with, and the error it returned.
type summaryStore struct {
	*countingStore
	cancelled, done atomic.Int32
}

func (s *summaryStore) Summary(ctx context.Context, campaignID int64) (data.Summary, error) {
	sum, err := s.countingStore.Summary(ctx, campaignID)
	if errors.Is(err, context.Canceled) {
		s.cancelled.Add(1)
	} else if err == nil {
		s.done.Add(1)
	}
	return sum, err
}

// TestDashboardLeftWhileLoadingCancels: a clerk passing through the
// dashboard while its sums load leaves them cancelled, with no error
// shown; coming back loads them again.
func TestDashboardLeftWhileLoadingCancels(t *testing.T) {
	u, cs, held := newHeldUI(t)
	ss := &summaryStore{countingStore: cs}
	u.st = ss
	d := u.screens[scrDashboard].(*dashboardScreen)
	u.show(scrSponsors, nil)
	held.run(false)
	u.show(scrDashboard, nil)
	u.show(scrSponsors, nil) // left before the sums ran
	held.run(false)
	if c, n := ss.cancelled.Load(), ss.done.Load(); c != 1 || n != 0 {
		t.Fatalf("sums cancelled %d, done %d; want the one left cancelled", c, n)
	}
	if msg := overlayText(u.win); msg != "" {
		t.Fatalf("an error shown for the cancelled sums: %q", msg)
	}
	u.show(scrDashboard, nil)
	held.run(false)
	if n := ss.done.Load(); n != 1 || d.summary.Children == 0 {
		t.Fatalf("back on the dashboard: sums done %d, children %d; want them loaded", n, d.summary.Children)
	}
}
