package data_test

import (
	"context"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// TestReadersDuringImport reads the summary and the report's figures while
// an import holds the write lock: readers see the data before the import,
// at once, instead of waiting for it (once «database is locked» after 10 s).
func TestReadersDuringImport(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 50, Sponsors: 10, Distributions: 50})
	ctx := context.Background()
	before, err := st.Summary(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	sc := mustSchool(t, st, 77)
	var cs []data.Child
	for i := range 3 {
		iin, ok := data.MakeIIN(data.Date(2012, 3, 1+i), "F", 100+i)
		if !ok {
			t.Fatal("MakeIIN")
		}
		cs = append(cs, newChild(string(iin), sc.ID))
	}
	read := false
	opt := data.ImportOptions{Progress: func(done, total int) {
		if done != 2 || read {
			return
		}
		read = true // once, in the middle of the import
		rctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		sum, err := st.Summary(rctx, c.ID)
		if err != nil {
			t.Errorf("summary during an import: %v", err)
		} else if sum.Children != before.Children {
			t.Errorf("summary during an import: %d children, want %d (before the import)", sum.Children, before.Children)
		}
		if _, err := st.ReportFigures(rctx, c.ID); err != nil {
			t.Errorf("report during an import: %v", err)
		}
	}}
	if _, err := st.ImportChildren(ctx, cs, opt); err != nil {
		t.Fatal(err)
	}
	if !read {
		t.Fatal("the import never reported its progress")
	}
}
