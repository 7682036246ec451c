package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

// childIIN makes a valid IIN of a girl born in 2012, apart from the demo's.
func childIIN(t *testing.T, i int) string {
	t.Helper()
	for serial := 7000 + i*13; ; serial++ {
		if n, ok := data.MakeIIN(data.Date(2012, 3, 1+i), data.Female, serial); ok {
			return string(n)
		}
	}
}

// writeMessyList writes a school's list as schools send it: a title row,
// Russian headers in another order, a repeated row, a wrong IIN, a totals
// row. It returns how many rows are new, repeated and rejected.
func writeMessyList(t *testing.T, path string, school int) (fresh, dups, rejected int) {
	t.Helper()
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	rows := [][]any{
		{fmt.Sprintf("Список учащихся школы №%d на 2019-2020 уч. год", school)},
		{},
		{"№", "ФИО учащегося", "Класс", "ИИН", "Школа №", "Адрес проживания"},
	}
	names := []string{"Ахметова Айгерім Серікқызы", "Иванова Мария Петровна", "Серікбаева Дана", "Ким Алина Олеговна",
		"Жұмабекова Аружан Ерланқызы"}
	for i, n := range names {
		rows = append(rows, []any{i + 1, "  " + n + " ", fmt.Sprintf("%d «А»", 2+i), childIIN(t, i), school, "ул. Ерубаева, " + fmt.Sprint(10+i)})
	}
	rows = append(rows, []any{6, names[0], "2 «А»", childIIN(t, 0), school, ""}) // repeated
	bad := []byte(childIIN(t, 9))
	bad[11] = '0' + (bad[11]-'0'+1)%10
	rows = append(rows, []any{7, "Омаров Ерлан", "3", string(bad), school, ""}, []any{"Итого", 7})
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return len(names), 1, 1
}

func TestImportWizardMessyList(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	schools, err := st.FindSchools(ctx)
	if err != nil || len(schools) == 0 {
		t.Fatalf("no schools: %v", err)
	}
	path := filepath.Join(t.TempDir(), "список.xlsx")
	fresh, dups, rejected := writeMessyList(t, path, schools[0].Number)
	before, err := st.CountChildren(ctx, data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	u.show(scrChildren, nil)
	run := func() *importWizard {
		t.Helper()
		w := newImportWizard(u, exchange.Children, u.refreshCurrent)
		w.open(path)
		if w.sheet == nil || w.dlg == nil {
			t.Fatal("the wizard did not open the list")
		}
		if w.next.Disabled() {
			t.Fatalf("the columns were not mapped: %s", w.missing.Text)
		}
		test.Tap(w.next)
		if w.plan == nil {
			t.Fatal("no preview")
		}
		return w
	}
	w := run()
	sum := w.plan.Summary()
	if sum.Imported != fresh || sum.Duplicates != dups || sum.Rejected != rejected || sum.Updated+sum.Unchanged != 0 {
		t.Fatalf("preview %+v, want %d new, %d duplicates, %d rejected", sum, fresh, dups, rejected)
	}
	if got, want := len(w.problems), dups+rejected; got != want {
		t.Fatalf("%d problems shown, want %d", got, want)
	}
	if after, _ := st.CountChildren(ctx, data.ChildFilter{}); after != before {
		t.Fatalf("the preview wrote: %d children, want %d", after, before)
	}
	test.Tap(w.next) // «Import»
	if w.result.Imported != fresh {
		t.Fatalf("imported %d, want %d", w.result.Imported, fresh)
	}
	after, _ := st.CountChildren(ctx, data.ChildFilter{})
	if after != before+fresh {
		t.Fatalf("%d children after the import, want %d", after, before+fresh)
	}
	if s := u.screens[scrChildren].(*childrenScreen); s.total != after {
		t.Fatalf("the list shows %d children, the store has %d", s.total, after)
	}
	settings, _ := st.Settings(ctx)
	if _, ok := exchange.RememberedMapping(settings, exchange.Children, w.sheet); !ok {
		t.Fatal("the mapping was not remembered")
	}

	again := run()
	sum = again.plan.Summary()
	if sum.Imported != 0 || sum.Updated != 0 || sum.Unchanged != fresh {
		t.Fatalf("re-import preview %+v, want %d unchanged and nothing new", sum, fresh)
	}
	if !again.next.Disabled() {
		t.Fatal("«Import» is offered with nothing to import")
	}
	if n, _ := st.CountChildren(ctx, data.ChildFilter{}); n != after {
		t.Fatalf("re-import changed the count: %d, want %d", n, after)
	}
}

func TestImportWizardMissingColumn(t *testing.T) {
	u, _ := newTestUI(t)
	path := filepath.Join(t.TempDir(), "no-iin.xlsx")
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	for i, r := range [][]any{{"ФИО", "Класс"}, {"Ахметова Айгерім", 3}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	w := newImportWizard(u, exchange.Children, nil)
	w.open(path)
	if w.sheet == nil {
		t.Skip("the list without an IIN column has no header the parser knows")
	}
	if !w.next.Disabled() || w.missing.Hidden {
		t.Fatal("the preview is offered without the IIN column")
	}
	iinLabel := exchange.FieldLabel(exchange.Children, "iin", language())
	if !strings.Contains(w.missing.Text, iinLabel) {
		t.Fatalf("the missing field is not named %q: %q", iinLabel, w.missing.Text)
	}
}

// TestImportWizardErrors words a file that is no list and a school number
// the catalogue lacks for the clerk, and writes nothing.
func TestImportWizardErrors(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	doc := filepath.Join(t.TempDir(), "хат.docx")
	if err := os.WriteFile(doc, []byte("PK"), 0o600); err != nil {
		t.Fatal(err)
	}
	w := newImportWizard(u, exchange.Children, nil)
	w.open(doc)
	if msg := overlayText(u.win); !strings.Contains(msg, "хат.docx") || w.sheet != nil {
		t.Fatalf("a .docx: %q", msg)
	}
	u.closeDialogs()
	path := filepath.Join(t.TempDir(), "list.xlsx")
	writeMessyList(t, path, 7)
	before, _ := st.CountChildren(ctx, data.ChildFilter{})
	w = newImportWizard(u, exchange.Children, nil)
	w.open(path)
	w.school.SetText("999")
	test.Tap(w.next)
	if msg := overlayText(u.win); !strings.Contains(msg, lang.L("field.school")) || w.plan != nil {
		t.Fatalf("an unknown school №999: %q", msg)
	}
	if n, _ := st.CountChildren(ctx, data.ChildFilter{}); n != before {
		t.Fatalf("%d children, want %d", n, before)
	}
}

// TestImportWizardSheets offers the sheets of a workbook with several and
// reads the one chosen.
func TestImportWizardSheets(t *testing.T) {
	u, st := newTestUI(t)
	schools, _ := st.FindSchools(context.Background())
	path := filepath.Join(t.TempDir(), "list.xlsx")
	writeMessyList(t, path, schools[0].Number)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f.SetSheetName(f.GetSheetName(0), "2-сынып")
	idx, _ := f.NewSheet("3-сынып")
	row := []any{"ФИО", "ИИН"}
	f.SetSheetRow("3-сынып", "A1", &row)
	row = []any{"Ким Алина Олеговна", childIIN(t, 20)}
	f.SetSheetRow("3-сынып", "A2", &row)
	f.SetActiveSheet(idx)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	w := newImportWizard(u, exchange.Children, nil)
	w.open(path)
	if w.sheets == nil || len(w.sheets.Options) != 2 {
		t.Fatal("no sheet picker for a workbook of two sheets")
	}
	first := len(w.sheet.Rows)
	w.sheets.SetSelected("3-сынып")
	if w.sheet.Name != "3-сынып" || len(w.sheet.Rows) == first {
		t.Fatalf("the chosen sheet was not read: %s, %d rows", w.sheet.Name, len(w.sheet.Rows))
	}
	test.Tap(w.next)
	if w.plan == nil || w.plan.Summary().Imported != 1 {
		t.Fatal("the chosen sheet's child is not previewed as new")
	}
}
