package exchange_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

// A csv of children, distributions or appeals carries the marking on its
// first line; the sponsors' does not; the children's reads back with its
// header on the line after the marking and imports unchanged.
func TestCSVMarksPersonalData(t *testing.T) {
	st, c := mustDemo(t)
	// the office's rule, written by hand
	const marking = "Дербес деректер — тек қызметтік пайдалану үшін / Персональные данные — для служебного пользования"
	tables := map[string]func() (exchange.Table, error){
		"children": func() (exchange.Table, error) { return exchange.ChildrenTable(ctx, st, data.ChildFilter{}, "kk") },
		"distributions": func() (exchange.Table, error) {
			return exchange.DistributionsTable(ctx, st, data.DistributionFilter{CampaignID: c.ID}, "ru")
		},
		"appeals": func() (exchange.Table, error) {
			return exchange.AppealsTable(ctx, st, data.AppealFilter{CampaignID: c.ID}, "kk")
		},
		"sponsors": func() (exchange.Table, error) { return exchange.SponsorsTable(ctx, st, data.SponsorFilter{}, "kk") },
	}
	for name, table := range tables {
		t.Run(name, func(t *testing.T) {
			tab, err := table()
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := tab.WriteCSV(&buf); err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(strings.TrimPrefix(buf.String(), "\ufeff"), "\r\n")
			if got, want := first == marking, name != "sponsors"; got != want {
				t.Fatalf("first line %q: marked %v, want %v", first, got, want)
			}
		})
	}
	tab, err := tables["children"]()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tab.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	sh, err := exchange.ParseCSV(buf.Bytes(), "children.csv", exchange.Children)
	if err != nil {
		t.Fatal(err)
	}
	if sh.HeaderRow != 2 || len(sh.Rows) != len(tab.Rows) {
		t.Fatalf("header on line %d with %d rows, want line 2 and %d rows", sh.HeaderRow, len(sh.Rows), len(tab.Rows))
	}
	path := filepath.Join(t.TempDir(), "children.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	s := importFile(t, st, path, exchange.Options{Kind: exchange.Children}).Summary()
	if s.Rows != len(tab.Rows) || s.Unchanged != s.Rows || len(s.Problems) != 0 {
		t.Fatalf("re-import of the marked csv: %+v", s)
	}
}
