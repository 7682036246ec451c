package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

// BenchmarkImportWizard2000 reads a school list of 2 000 children, maps and
// previews it, and imports it, through the wizard on a small database.
func BenchmarkImportWizard2000(b *testing.B) {
	a := test.NewTempApp(b)
	oldBg := background
	background = func(work func()) { work() }
	b.Cleanup(func() { background = oldBg })
	dir := b.TempDir()
	path := filepath.Join(dir, "list.xlsx")
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter(f.GetSheetName(0))
	if err != nil {
		b.Fatal(err)
	}
	sw.SetRow("A1", []any{"ФИО учащегося", "ИИН", "Класс", "Школа №"})
	for i := 0; i < 2000; i++ {
		var iin data.IIN
		for serial := i * 3; ; serial++ {
			var ok bool
			if iin, ok = data.MakeIIN(data.Date(2008+i%8, time.Month(1+i%12), 1+i%28), data.Male, 5000+serial); ok {
				break
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		sw.SetRow(cell, []any{fmt.Sprintf("Тестов Ученик %d", i), string(iin), 1 + i%11, 1})
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := data.Open(filepath.Join(dir, fmt.Sprintf("b%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		if err := st.CreateSchool(context.Background(), &data.School{Number: 1, NameKK: "№1 ЖББМ", Type: data.SchoolGeneral}); err != nil {
			b.Fatal(err)
		}
		w := a.NewWindow("bench")
		w.Resize(fyne.NewSize(1366, 768))
		u := New(a, w, st)
		b.StartTimer()
		wiz := newImportWizard(u, exchange.Children, nil)
		wiz.open(path)
		wiz.onNextTapped()
		wiz.onNextTapped()
		b.StopTimer()
		if wiz.result.Imported != 2000 {
			b.Fatalf("imported %d of 2000: %+v", wiz.result.Imported, wiz.plan.Summary().Problems[:1])
		}
		w.Close()
		st.Close()
		b.StartTimer()
	}
}
