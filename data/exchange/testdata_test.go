package exchange_test

import (
	"testing"

	"github.com/mektepkezhol/app/data/exchange"
)

// The committed fixtures: one school list as Excel saves csv on a Russian
// Windows (Windows-1251, «;», CRLF) and as UTF-8 with a BOM and «,».
func TestCommittedCSVFixtures(t *testing.T) {
	var first []exchange.Row
	for _, name := range []string{"testdata/children-cp1251.csv", "testdata/children-utf8-bom.csv"} {
		t.Run(name, func(t *testing.T) {
			st := mustOpen(t)
			plan := importFile(t, st, name, exchange.Options{Kind: exchange.Children, SchoolNumber: 12, Lang: "ru"})
			s := plan.Summary()
			if s.Rows != 5 || s.Imported != 2 || s.Rejected != 2 || s.Duplicates != 1 {
				t.Fatalf("summary %+v", s)
			}
			rows := map[int]string{}
			for _, p := range s.Problems {
				if !p.Warning {
					rows[p.Row] = p.Key
				}
			}
			if rows[6] != exchange.KeyIINChecksum || rows[8] != exchange.KeyGrade || len(rows) != 2 {
				t.Fatalf("rejections by row %v, want 6: checksum, 8: grade", rows)
			}
			if first == nil {
				first = plan.Sheet.Rows
				return
			}
			for i, r := range plan.Sheet.Rows {
				if r.Number != first[i].Number || r.Cell(2) != first[i].Cell(2) || r.Cell(5) != first[i].Cell(5) {
					t.Fatalf("row %d reads %q, the cp1251 file %q", r.Number, r.Cells, first[i].Cells)
				}
			}
		})
	}
}
