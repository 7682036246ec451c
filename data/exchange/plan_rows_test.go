package exchange_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data/exchange"
)

// A list long enough to be read on two cores, with a bad row and a repeat
// in the second half: the CLI's way (DropCells, commit at once) and the
// GUI's (the sheet kept, matched in the preview) find the same rows, and
// the CLI's leaves no cells behind.
func TestPreviewLongListBothWays(t *testing.T) {
	const n = 5000
	path := filepath.Join(t.TempDir(), "long.xlsx")
	rows := [][]any{{"ЖСН", "Тегі", "Аты", "Мектеп №"}}
	for i := 0; i < n; i++ {
		rows = append(rows, []any{iin(t, i), fmt.Sprintf("Тегі%d", i), "Аты", 7})
	}
	rows[4000][0] = "12345"                // row 4001: not an IIN
	rows[4500][0] = " " + iin(t, 10) + " " // row 4501 repeats row 12
	writeXLSX(t, path, rows, nil)
	st := mustOpen(t)
	for _, drop := range []bool{false, true} {
		sh, err := exchange.Parse(path, exchange.ParseOptions{Kind: exchange.Children})
		if err != nil {
			t.Fatal(err)
		}
		plan, err := exchange.Preview(ctx, st, sh, exchange.AutoMap(exchange.Children, sh),
			exchange.Options{Kind: exchange.Children, Unmatched: drop, DropCells: drop})
		if err != nil {
			t.Fatal(err)
		}
		s := plan.Summary()
		if s.Rows != n || s.Rejected != 1 || s.Duplicates != 1 || len(s.Columns) != 4 || len(s.Problems) != 2 {
			t.Fatalf("drop %v: %+v", drop, s)
		}
		if p := s.Problems[1]; p.Row != 4501 || p.Value != iin(t, 10) || !strings.Contains(p.Message, "12") {
			t.Errorf("drop %v: the repeat %+v", drop, p)
		}
		if p := s.Problems[0]; p.Row != 4001 || p.Value != "12345" {
			t.Errorf("drop %v: the bad IIN %+v", drop, p)
		}
		for i, r := range plan.Rows {
			want := fmt.Sprintf("Тегі%d", i)
			if r.Child == nil || r.Child.Surname != want || r.Row != i+2 {
				t.Fatalf("drop %v: row %d is %d %+v, want %s", drop, i, r.Row, r.Child, want)
			}
		}
		if drop != (sh.Rows[0].Cells == nil) || drop != (sh.Rows[n-1].Cells == nil) {
			t.Errorf("drop %v: cells %q … %q", drop, sh.Rows[0].Cells, sh.Rows[n-1].Cells)
		}
		sum, err := exchange.Commit(ctx, st, plan, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := n - 2; drop && sum.Unchanged != want || !drop && sum.Imported != want {
			t.Errorf("drop %v: committed %+v, want %d", drop, sum, want)
		}
	}
}
