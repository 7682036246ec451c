package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
)

// The benchmarks run on a 100 000-children demo database, made once and
// kept in the temp folder (or $MEKTEPKEZHOL_BENCH_DIR) between runs.
var bench100k struct {
	once sync.Once
	path string
	err  error
}

func benchStore(b *testing.B) *data.Store {
	b.Helper()
	bench100k.once.Do(func() {
		dir := os.Getenv("MEKTEPKEZHOL_BENCH_DIR")
		if dir == "" {
			dir = os.TempDir()
		}
		// the schema version in the name: a cached database of an older
		// schema would time the old indexes
		bench100k.path = filepath.Join(dir, fmt.Sprintf("mektepkezhol-ui-bench-100k-v%d.db", data.SchemaVersion()))
		st, err := data.Open(bench100k.path)
		if err != nil {
			bench100k.err = err
			return
		}
		defer st.Close()
		ctx := context.Background()
		if empty, err := st.IsEmpty(ctx); err != nil || !empty {
			bench100k.err = err
			return
		}
		bench100k.err = st.FillDemo(ctx, data.DemoOptions{Children: 100000, Sponsors: 1500, Distributions: 150000})
	})
	if bench100k.err != nil {
		b.Fatal(bench100k.err)
	}
	st, err := data.Open(bench100k.path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

var benchQueries = []string{"ахмет", "ова", "0605", "серік", "иван"}

// BenchmarkChildSearch100k is what a keystroke in the children's search
// costs in the store: the first page of rows, then the count.
func BenchmarkChildSearch100k(b *testing.B) {
	st := benchStore(b)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		f := data.ChildFilter{Query: benchQueries[i%len(benchQueries)]}
		page, err := st.FindChildPage(ctx, f, data.ChildCursor{}, childPage)
		if err != nil {
			b.Fatal(err)
		}
		if page.More {
			if _, err := st.CountChildren(ctx, f); err != nil {
				b.Fatal(err)
			}
		}
		i++
	}
}

// BenchmarkChildSearchScreen100k types a search into the children screen
// and waits for the list: store, widgets and the first page together.
func BenchmarkChildSearchScreen100k(b *testing.B) {
	st := benchStore(b)
	a := test.NewTempApp(b)
	oldBg := background
	background = func(work func()) { work() }
	b.Cleanup(func() { background = oldBg })
	u := New(a, a.NewWindow("bench"), st)
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	i := 0
	for b.Loop() {
		s.search.SetText(benchQueries[i%len(benchQueries)])
		_ = s.cell(0, 0) // loads the first page
		i++
	}
	if s.total == 0 {
		b.Fatal("no children found")
	}
}

// BenchmarkDashboard100k computes what the dashboard shows.
func BenchmarkDashboard100k(b *testing.B) {
	st := benchStore(b)
	ctx := context.Background()
	c, err := st.FindCampaignByYear(ctx, 2019)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := st.Summary(ctx, c.ID); err != nil {
			b.Fatal(err)
		}
		if _, err := st.Stock(ctx, c.ID); err != nil {
			b.Fatal(err)
		}
		if _, err := st.FindCategories(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewWorkspace100k builds the whole workspace with its dashboard,
// the app's part of the start to the first window.
func BenchmarkNewWorkspace100k(b *testing.B) {
	st := benchStore(b)
	a := test.NewTempApp(b)
	oldBg := background
	background = func(work func()) { work() }
	b.Cleanup(func() { background = oldBg })
	for b.Loop() {
		New(a, a.NewWindow("bench"), st)
	}
}
