package exchange

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestSheetReaderAgreesWithExcelize reads workbooks of every kind of cell
// with the app's own sheet reader and with excelize, the project's xlsx
// library, as the oracle: each non-blank row must hold the same raw
// values. The same workbook saved again by LibreOffice, whose XML differs
// from excelize's (its own shared strings, types and styles), is read too
// when LibreOffice is installed.
func TestSheetReaderAgreesWithExcelize(t *testing.T) {
	path := oracleWorkbook(t)
	compareWithExcelize(t, path)
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Log("LibreOffice not installed: its re-saved workbook not read")
		return
	}
	out := t.TempDir()
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(out, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(out, "lo"), path)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v: %s", err, b)
	}
	compareWithExcelize(t, filepath.Join(out, "lo", filepath.Base(path)))
}

// oracleWorkbook writes one sheet of the cells a school's list holds and
// more: shared and rich texts, spaces kept, XML's special characters,
// Kazakh letters, IINs with leading zeros as text, numbers, a date,
// booleans, a formula, gaps between cells and rows, far columns.
func oracleWorkbook(t *testing.T) string {
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	set := func(cell string, v any) {
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "ЖСН")
	set("B1", "Тегі")
	set("C1", "Аты")
	set("D1", "Туған күні")
	set("E1", "Сынып")
	for i := 2; i < 60; i++ {
		set(fmt.Sprintf("A%d", i), fmt.Sprintf("%012d", 70101500000+i))
		set(fmt.Sprintf("B%d", i), []string{"Әлімжанов", "Ысқақова", "O'Neil & <Co>", "  Серік  ", "Ғалым\nҰлы"}[i%5])
		set(fmt.Sprintf("C%d", i), strings.Repeat("Қ", i%7))
		set(fmt.Sprintf("E%d", i), i%11+1)
	}
	set("D2", time.Date(2012, 3, 4, 0, 0, 0, 0, time.UTC))
	set("D3", 3.25)
	set("D4", true)
	set("D5", false)
	set("D6", -0.5)
	set("AB7", "алыс")
	set("GQ8", 12345678901234) // column 199 of the 200 a list may hold
	if err := f.SetCellFormula(sh, "F2", "E2*2"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellRichText(sh, "C9", []excelize.RichTextRun{{Text: "Ай"}, {Text: "гүл", Font: &excelize.Font{Bold: true}}}); err != nil {
		t.Fatal(err)
	}
	set("B70", "after a gap")
	path := filepath.Join(t.TempDir(), "oracle.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func compareWithExcelize(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	want, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	wb, err := openWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	g, err := wb.readGrid(sheet, 1000)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int][]string{}
	for i, r := range g.rows {
		got[g.nums[i]] = trimEmpty(r)
	}
	for i, r := range want {
		r = trimEmpty(r)
		if len(r) == 0 {
			continue
		}
		if !slices.Equal(got[i+1], r) {
			t.Errorf("%s, row %d: the reader has %q, excelize %q", filepath.Base(path), i+1, got[i+1], r)
		}
		delete(got, i+1)
	}
	for n, r := range got {
		if len(r) > 0 {
			t.Errorf("%s, row %d: the reader has %q, excelize nothing", filepath.Base(path), n, r)
		}
	}
}

func trimEmpty(r []string) []string {
	for len(r) > 0 && r[len(r)-1] == "" {
		r = r[:len(r)-1]
	}
	return r
}
