package exchange_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
	"github.com/mektepkezhol/app/data/exchange"
)

var ctx = context.Background()

// mustOpen opens a new database holding schools №7 and №12.
func mustOpen(tb testing.TB) *data.Store {
	tb.Helper()
	st := datatest.Open(tb)
	st.Now = func() time.Time { return time.Date(2019, 8, 20, 10, 0, 0, 0, time.UTC) }
	for _, n := range []int{7, 12} {
		sc := &data.School{Number: n, NameKK: fmt.Sprintf("№%d ЖББМ", n), Type: data.SchoolGeneral}
		if err := st.CreateSchool(ctx, sc); err != nil {
			tb.Fatal(err)
		}
	}
	return st
}

// iin makes the i-th valid IIN of a child born 2007–2012.
func iin(tb testing.TB, i int) string {
	tb.Helper()
	for serial := i * 7; ; serial++ {
		birth := time.Date(2007+i%6, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)
		sex := data.Male
		if i%2 == 1 {
			sex = data.Female
		}
		if n, ok := data.MakeIIN(birth, sex, serial); ok {
			return string(n)
		}
	}
}

// badChecksum returns n with a wrong last digit.
func badChecksum(n string) string {
	last := (n[11]-'0'+1)%10 + '0'
	return n[:11] + string(rune(last))
}

// writeXLSX writes rows from A1 on; set is called before saving to merge
// or hide what the fixture needs.
func writeXLSX(tb testing.TB, path string, rows [][]any, set func(f *excelize.File, sheet string)) {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		axis, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", axis, &r); err != nil {
			tb.Fatal(err)
		}
	}
	if set != nil {
		set(f, "Sheet1")
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
}

// importFile parses, maps automatically and previews a file.
func importFile(tb testing.TB, st *data.Store, path string, opt exchange.Options) *exchange.Plan {
	tb.Helper()
	sh, err := exchange.Parse(path, exchange.ParseOptions{Kind: opt.Kind})
	if err != nil {
		tb.Fatal(err)
	}
	plan, err := exchange.Preview(ctx, st, sh, exchange.AutoMap(opt.Kind, sh), opt)
	if err != nil {
		tb.Fatal(err)
	}
	return plan
}
