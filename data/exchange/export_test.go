package exchange_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
	"github.com/mektepkezhol/app/data/exchange"
)

// mustDemo opens a database filled with a small demo.
func mustDemo(tb testing.TB) (*data.Store, data.Campaign) {
	tb.Helper()
	st := datatest.Open(tb)
	if err := st.FillDemo(ctx, data.DemoOptions{Children: 300, Sponsors: 40, Distributions: 400}); err != nil {
		tb.Fatal(err)
	}
	c, err := st.FindCampaignByYear(ctx, 2019)
	if err != nil {
		tb.Fatal(err)
	}
	return st, c
}

// An exported list imports back as it is: every row unchanged, no problem.
func TestExportImportRoundTrip(t *testing.T) {
	st, _ := mustDemo(t)
	total, err := st.CountChildren(ctx, data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	sponsors, err := st.FindSponsors(ctx, data.SponsorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"kk", "ru"} {
		for _, format := range []exchange.Format{exchange.XLSX, exchange.CSV} {
			for _, kind := range []exchange.Kind{exchange.Children, exchange.Sponsors} {
				t.Run(lang+"/"+string(format)+"/"+string(kind), func(t *testing.T) {
					var table exchange.Table
					var err error
					want := total
					if kind == exchange.Children {
						table, err = exchange.ChildrenTable(ctx, st, data.ChildFilter{}, lang)
					} else {
						table, err = exchange.SponsorsTable(ctx, st, data.SponsorFilter{}, lang)
						want = len(sponsors)
					}
					if err != nil {
						t.Fatal(err)
					}
					path := filepath.Join(t.TempDir(), "list."+string(format))
					var buf bytes.Buffer
					if err := table.Write(&buf, format); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
						t.Fatal(err)
					}
					plan := importFile(t, st, path, exchange.Options{Kind: kind})
					s := plan.Summary()
					if s.Rows != want || s.Unchanged != want || len(s.Problems) != 0 {
						t.Fatalf("re-import of the export: %d rows, %d unchanged, problems %v; want %d unchanged",
							s.Rows, s.Unchanged, s.Problems, want)
					}
				})
			}
		}
	}
}

// A filtered export holds the rows the same filter finds, and the
// donations' money adds up to the campaign's summary.
func TestExportFiltersAndTotals(t *testing.T) {
	st, c := mustDemo(t)
	filter := data.ChildFilter{Category: data.CatOrphan}
	want, err := st.CountChildren(ctx, filter)
	if err != nil {
		t.Fatal(err)
	}
	table, err := exchange.ChildrenTable(ctx, st, filter, "kk")
	if err != nil {
		t.Fatal(err)
	}
	if len(table.Rows) != want || want == 0 {
		t.Fatalf("orphans exported %d, store counts %d", len(table.Rows), want)
	}
	table, err = exchange.DonationsTable(ctx, st, data.DonationFilter{CampaignID: c.ID}, "ru")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := table.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	var money, value int64
	for _, r := range rows[1:] {
		m, _ := strconv.ParseInt(r[3], 10, 64)
		v, _ := strconv.ParseInt(r[5], 10, 64)
		money, value = money+m, value+v
	}
	sum, err := st.Summary(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if money != sum.MoneyTenge || value != sum.InKindValueTenge || len(rows)-1 != sum.Donations {
		t.Fatalf("xlsx: %d donations, %d ₸ money, %d ₸ in kind; summary %d, %d, %d",
			len(rows)-1, money, value, sum.Donations, sum.MoneyTenge, sum.InKindValueTenge)
	}
	for _, build := range []func() (exchange.Table, error){
		func() (exchange.Table, error) {
			return exchange.DistributionsTable(ctx, st, data.DistributionFilter{CampaignID: c.ID}, "kk")
		},
		func() (exchange.Table, error) {
			return exchange.AppealsTable(ctx, st, data.AppealFilter{CampaignID: c.ID}, "kk")
		},
	} {
		table, err := build()
		if err != nil {
			t.Fatal(err)
		}
		if len(table.Rows) == 0 || len(table.Rows[0]) != len(table.Headers) {
			t.Fatalf("%s: %d rows, %d headers", table.Name, len(table.Rows), len(table.Headers))
		}
	}
	if n := len(table.Rows); n != sum.Donations {
		t.Fatalf("donations %d, summary %d", n, sum.Donations)
	}
}

func TestTemplate(t *testing.T) {
	st := mustOpen(t)
	school, _ := st.FindSchoolByNumber(ctx, 7)
	cats, _ := st.FindCategories(ctx)
	path := filepath.Join(t.TempDir(), "template.xlsx")
	var buf bytes.Buffer
	if err := exchange.WriteTemplate(&buf, school, cats, "kk"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, buf.Bytes(), 0o600)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dvs, err := f.GetDataValidations("Балалар")
	if err != nil || len(dvs) != 2 {
		t.Fatalf("validations %v, %v; want the category and class lists", dvs, err)
	}
	names, _ := f.GetCols("lists")
	for len(names) > 0 && len(names[0]) > 0 && names[0][len(names[0])-1] == "" {
		names[0] = names[0][:len(names[0])-1]
	}
	if len(names) < 1 || len(names[0]) != len(cats) || names[0][0] != cats[0].NameKK {
		t.Fatalf("category list %v", names)
	}
	if visible, _ := f.GetSheetVisible("lists"); visible {
		t.Fatal("the lists sheet is visible")
	}
	// Filled in by a school, it imports.
	f.SetSheetRow("Балалар", "A4", &[]any{"61211600012", "Ахметов", "Арман", "", "", "", 7, "5 А", cats[0].NameKK})
	f.SaveAs(path)
	sh, err := exchange.Parse(path, exchange.ParseOptions{Kind: exchange.Children})
	if err != nil {
		t.Fatal(err)
	}
	m := exchange.AutoMap(exchange.Children, sh)
	if len(m) != len(sh.Header) || len(m.Missing(exchange.Children)) != 0 {
		t.Fatalf("template headers map %v of %q", m, sh.Header)
	}
	plan, err := exchange.Preview(ctx, st, sh, m, exchange.Options{Kind: exchange.Children})
	if err != nil {
		t.Fatal(err)
	}
	if s := plan.Summary(); s.Rows != 1 || s.Imported != 1 {
		t.Fatalf("filled template: %+v", s)
	}
}

// An xlsx of children prints «personal data — for official use» in both
// languages at the foot of every page; a list of sponsors does not.
func TestExportMarksPersonalData(t *testing.T) {
	st, _ := mustDemo(t)
	// the office's rule, written by hand
	const marking = "Дербес деректер — тек қызметтік пайдалану үшін / Персональные данные — для служебного пользования"
	children, err := exchange.ChildrenTable(ctx, st, data.ChildFilter{}, "ru")
	if err != nil {
		t.Fatal(err)
	}
	sponsors, err := exchange.SponsorsTable(ctx, st, data.SponsorFilter{}, "kk")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		table  exchange.Table
		marked bool
	}{{"children", children, true}, {"sponsors", sponsors, false}} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.table.WriteXLSX(&buf); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			hf, err := f.GetHeaderFooter(f.GetSheetName(0))
			if err != nil {
				t.Fatal(err)
			}
			foot := ""
			if hf != nil {
				foot = hf.OddFooter
			}
			if got := strings.Contains(foot, marking); got != tt.marked {
				t.Fatalf("footer %q: marked %v, want %v", foot, got, tt.marked)
			}
			rows, err := f.GetRows(f.GetSheetName(0))
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(tt.table.Rows)+1 {
				t.Fatalf("%d rows, want the header and %d", len(rows), len(tt.table.Rows))
			}
		})
	}
}
