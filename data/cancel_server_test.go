package data_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data/datatest"
)

// TestCancelledQueryKeepsItsConnection: on a server, a query whose
// context ends (a newer key of a search, the clerk's Cancel) is cancelled
// by the server and answers the context's own error; the connection
// stays, and the next query is answered on it.
func TestCancelledQueryKeepsItsConnection(t *testing.T) {
	if !datatest.OnServer() {
		t.Skipf("a server's connections: set %s (.ci/with-postgres)", datatest.EnvPG)
	}
	st := mustOpen(t)
	st.OneConnection()
	ctx := context.Background()
	pid, err := st.BackendPID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, end := range []error{context.DeadlineExceeded, context.Canceled} {
		var c context.Context
		var cancel context.CancelFunc
		if end == context.Canceled {
			c, cancel = cancelledAfter(ctx, 50*time.Millisecond)
		} else {
			c, cancel = context.WithTimeout(ctx, 50*time.Millisecond)
		}
		err := st.RawSleep(c, 30)
		cancel()
		if !errors.Is(err, end) {
			t.Fatalf("a query whose context ended (%v) says: %v", end, err)
		}
		again, err := st.BackendPID(ctx)
		if err != nil || again != pid {
			t.Fatalf("after the cancelled query: the server's process %d (%v), want the same connection's %d", again, err, pid)
		}
	}
}

// cancelledAfter is a context cancelled after d, as the clerk's Cancel.
func cancelledAfter(parent context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	c, cancel := context.WithCancel(parent)
	time.AfterFunc(d, cancel)
	return c, cancel
}
