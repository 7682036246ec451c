package ui

import (
	"context"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/mektepkezhol/app/data"
)

// searchDelay is how long the Children screen's count waits after the
// clerk's last key: the count walks every match, so typing «Ахметов»
// counts once, not seven times. It is twice a fast typist's gap between
// keys (150 ms): at 150 ms each pause counted, and the count, on the two
// cores with the window's paint, slowed the next key's page (up to 56–69
// ms where 2–20 is usual) and took a connection of its own, whose cached
// pages stayed with the process (the app's RSS after the walk on the
// stress file 324–432 MB, 296–329 MB now).
const searchDelay = 300 * time.Millisecond

// firstPageWait is how long the UI goroutine waits for a search's first
// page before it lets the window paint without it. The page takes 1–3 ms
// on the stress file of 300k children (up to some 30 under load), a frame
// of the whole window 20–60 ms under a software renderer: a frame painted
// meanwhile, with only the typed letter new, put a whole frame between
// the clerk's key and the answer, and the next key waited behind it too.
// The page is still read off the UI goroutine; a page slower than this
// lands later, as before (answerWait).
const firstPageWait = 25 * time.Millisecond

// firstAnswer is a search's first page, or its failure.
type firstAnswer struct {
	page data.ChildPage
	err  error
}

// find lists the filter's first page, then counts its matches after
// countWait unless a newer search came meanwhile.
func (s *childrenScreen) find(countWait time.Duration) {
	sent := time.Now()
	key := s.u.timings.keyTime(sent)
	s.cancel()
	s.gen++
	ctx, cancel := context.WithCancel(s.u.ctx)
	gen, f := s.gen, s.filter()
	s.cancel = cancel
	show := func(a firstAnswer) { s.showPage(ctx, gen, f, a, countWait, sent, key) }
	soon(&s.wait, func() (firstAnswer, bool) {
		page, err := s.u.st.FindChildPage(ctx, f, data.ChildCursor{}, childPage)
		return firstAnswer{page, err}, ctx.Err() == nil // else a newer search is on its way
	}, show)
}

// answerWait is how long a search's keys wait for their answers: up to
// limit while the answers come within it, not at all once two in a row
// came later (a server far off), so that a key does not hold the window
// for nothing, until an answer is quick again. One slow answer alone (the
// screen's first, from a cold cache) changes nothing.
type answerWait struct {
	limit time.Duration
	slow  atomic.Int32 // answers later than limit, in a row
}

func (w *answerWait) now() time.Duration {
	if w.slow.Load() >= 2 {
		return 0
	}
	return w.limit
}

// took notes how long an answer took from its key.
func (w *answerWait) took(d time.Duration) {
	if d > w.limit {
		w.slow.Add(1)
	} else {
		w.slow.Store(0)
	}
}

// soon runs ask off the UI goroutine and shows its answer on it, waiting
// for it first as w says: an answer that comes within the wait is shown
// in the frame after the clerk's key, not a frame later; a slower one goes
// through fyne.Do when it comes. ask says false for an answer no longer
// wanted. Call it on the UI goroutine.
func soon[T any](w *answerWait, ask func() (T, bool), show func(T)) {
	wait, asked := w.now(), time.Now()
	// whoever comes first of the answer and the wait's end decides: an
	// answer handed over is shown at once below, else through fyne.Do
	var decided atomic.Bool
	handed := make(chan T, 1)
	background(func() {
		a, wanted := ask()
		if !wanted {
			return
		}
		w.took(time.Since(asked))
		if decided.CompareAndSwap(false, true) {
			handed <- a
			return
		}
		fyne.Do(func() { show(a) })
	})
	if wait > 0 {
		timer := time.NewTimer(wait)
		defer timer.Stop()
		select {
		case a := <-handed:
			show(a)
			return
		case <-timer.C:
		}
	}
	if !decided.CompareAndSwap(false, true) {
		show(<-handed) // handed over meanwhile (or at once: tests run the work as it is asked)
	}
}

// showPage puts a search's first page in the table, on the UI goroutine,
// unless a newer search came meanwhile, and starts its count.
func (s *childrenScreen) showPage(ctx context.Context, gen int, f data.ChildFilter, a firstAnswer,
	countWait time.Duration, sent, key time.Time) {
	if gen != s.gen {
		return
	}
	if a.err != nil {
		s.ctx = ctx // the list on screen loads on with the live context
		showError(s.u.win, a.err)
		return
	}
	first := a.page
	s.listed, s.shown, s.ctx, s.total = f, gen, ctx, len(first.Children)
	s.pages, s.loading = map[int][]data.Child{0: first.Children}, map[int]bool{0: true}
	s.cursors = map[int]data.ChildCursor{0: first.Next}
	if first.More {
		s.count.SetText(lang.L("list.count", map[string]any{"N": "…"})) // counted next
	} else {
		s.showCount(s.total)
	}
	s.table.reload()
	// the rows are in the table: its next frame paints them
	s.u.timings.answerShown(scrChildren, len(first.Children), sent, key) // ui/timings.go
	if !first.More {
		s.place.restore(s.table)
		return
	}
	background(func() { s.loadCount(ctx, gen, f, countWait) })
}

// loadCount counts the search's matches after wait, unless ctx is
// cancelled first, and lengthens the list to them.
func (s *childrenScreen) loadCount(ctx context.Context, gen int, f data.ChildFilter, wait time.Duration) {
	if wait > 0 {
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
	n, err := s.u.st.CountChildren(ctx, f)
	if ctx.Err() != nil {
		return
	}
	fyne.Do(func() {
		if gen != s.gen {
			return
		}
		if err != nil {
			showError(s.u.win, err)
			return
		}
		s.total = n
		s.showCount(n)
		s.table.table.Refresh()
		s.place.restore(s.table)
	})
}
