package report_test

import (
	"archive/zip"
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

func repWorkbook(t *testing.T, r report.CampaignReport, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteWorkbook(&buf, r, report.ReportOptions{Lang: lang}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// repRows reads a sheet's raw values (numbers unformatted).
func repRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	return rows
}

// repNumber reads a cell that must hold a number, not text.
func repNumber(t *testing.T, f *excelize.File, sheet, cell string) int64 {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	if typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		t.Fatalf("%s!%s is text, want a number", sheet, cell)
	}
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q: %v", sheet, cell, v, err)
	}
	return n
}

// repColumnSum sums a column's data rows (from row 3 to the row before the total).
func repColumnSum(t *testing.T, f *excelize.File, sheet, col string, rows int) int64 {
	t.Helper()
	var sum int64
	for row := 3; row < 3+rows; row++ {
		sum += repNumber(t, f, sheet, col+strconv.Itoa(row))
	}
	return sum
}

func TestWorkbookFigures(t *testing.T) {
	fx := repOpen(t, data.DemoOptions{})
	s := fx.r.Summary
	for _, lang := range []string{"kk", "ru"} {
		t.Run(lang, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(repWorkbook(t, fx.r, lang)))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			names := map[string][]string{"kk": {"Жиынтық", "Мектептер", "Санаттар", "Демеушілер", "Өтініштер", "Қамту"},
				"ru": {"Свод", "Школы", "Категории", "Спонсоры", "Обращения", "Охват"}}[lang]
			if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(names, ",") {
				t.Fatalf("sheets %v, want %v", got, names)
			}
			sum, schools, cats, sponsors, appeals := names[0], names[1], names[2], names[3], names[4]

			// Summary: this year in B, the previous in C, in the reports' order.
			want := []int64{int64(s.ChildrenHelped), int64(s.Children), s.MoneyTenge, s.InKindItems, s.InKindValueTenge,
				s.ItemsDistributed, int64(s.Sponsors), int64(s.Schools), int64(s.Appeals.Total), int64(s.Letters)}
			for i, w := range want {
				if got := repNumber(t, f, sum, "B"+strconv.Itoa(3+i)); got != w {
					t.Errorf("summary row %d = %d, want %d", 3+i, got, w)
				}
			}
			if got, w := repNumber(t, f, sum, "C5"), fx.r.Previous.Summary.MoneyTenge; got != w {
				t.Errorf("previous money = %d, want %d", got, w)
			}
			repCheckFormat(t, f, sum, "B5", "₸")
			repCheckFormat(t, f, sum, "B3", "#,##0")

			// Schools: the columns add up to the summary.
			n := len(fx.r.Schools)
			for _, c := range []struct {
				col  string
				want int64
			}{{"C", int64(s.Children)}, {"D", int64(s.ChildrenHelped)}, {"E", s.ItemsDistributed}} {
				if got := repColumnSum(t, f, schools, c.col, n); got != c.want {
					t.Errorf("schools column %s sums to %d, want %d", c.col, got, c.want)
				}
			}
			if f, _ := f.GetCellFormula(schools, "E"+strconv.Itoa(3+n)); !strings.HasPrefix(f, "SUM(") {
				t.Errorf("schools total row formula = %q", f)
			}

			// Categories: helped per category, as in the summary.
			for i, code := range data.CategoryCodes {
				if got, w := repNumber(t, f, cats, "C"+strconv.Itoa(3+i)), int64(s.HelpedByCategory[code]); got != w {
					t.Errorf("category %s helped = %d, want %d", code, got, w)
				}
			}

			// Sponsors: money and goods add up to the summary; the persons
			// without consent are one row that counts them.
			rows := repRows(t, f, sponsors)
			dataRows := 0
			for _, r := range rows[2:] {
				if len(r) > 1 && r[0] != "" {
					dataRows++
				}
			}
			if got := repColumnSum(t, f, sponsors, "F", dataRows); got != s.MoneyTenge {
				t.Errorf("sponsors' money sums to %d, want %d", got, s.MoneyTenge)
			}
			if got := repColumnSum(t, f, sponsors, "G", dataRows); got != s.InKindItems {
				t.Errorf("sponsors' goods sum to %d, want %d", got, s.InKindItems)
			}
			if got := repColumnSum(t, f, sponsors, "H", dataRows); got != s.InKindValueTenge {
				t.Errorf("sponsors' goods value sums to %d, want %d", got, s.InKindValueTenge)
			}
			repCheckFormat(t, f, sponsors, "F3", "₸")

			// Appeals: per channel and per status, as in the summary.
			for i, ch := range data.AppealChannels {
				if got, w := repNumber(t, f, appeals, "F"+strconv.Itoa(3+i)), int64(s.Appeals.ByChannel[ch]); got != w {
					t.Errorf("appeals by %s = %d, want %d", ch, got, w)
				}
			}
			k := len(data.AppealChannels)
			for col, w := range map[string]int{"D": s.Appeals.Resolved, "E": s.Appeals.Rejected, "F": s.Appeals.Total} {
				if got := repColumnSum(t, f, appeals, col, k); got != int64(w) {
					t.Errorf("appeals column %s sums to %d, want %d", col, got, w)
				}
			}
			repCheckLayout(t, f, names)
		})
	}
}

func repCheckFormat(t *testing.T, f *excelize.File, sheet, cell, want string) {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil || !strings.Contains(*st.CustomNumFmt, want) {
		t.Errorf("%s!%s number format %v, want one with %q", sheet, cell, st.CustomNumFmt, want)
	}
}

// repCheckLayout checks what the mäslikhat's clerk sees and prints.
func repCheckLayout(t *testing.T, f *excelize.File, sheets []string) {
	t.Helper()
	filters := map[string]bool{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters[dn.Scope] = true
		}
	}
	for _, sh := range sheets {
		panes, err := f.GetPanes(sh)
		if err != nil || !panes.Freeze || panes.YSplit != 2 {
			t.Errorf("%s: panes %+v (%v), want the two top rows frozen", sh, panes, err)
		}
		if !filters[sh] {
			t.Errorf("%s: no autofilter", sh)
		}
		pl, err := f.GetPageLayout(sh)
		if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v (%v), want A4 landscape fit to width", sh, pl, err)
		}
		// Each column is at least as wide as its longest text below the title.
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		longest := map[int]int{}
		for _, r := range rows[2:] {
			for i, v := range r {
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					longest[i] = max(longest[i], min(utf8.RuneCountInString(v), 60))
				}
			}
		}
		for i, n := range longest {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if w, err := f.GetColWidth(sh, col); err != nil || w < float64(n) {
				t.Errorf("%s: column %s width %.1f (%v), want at least %d for its text", sh, col, w, err, n)
			}
		}
	}
	props, err := f.GetDocProps()
	if err != nil || props.Title == "" || props.Creator == "" || props.Created == "" {
		t.Errorf("document properties %+v (%v), want title, creator and date", props, err)
	}
}

func TestWorkbookHasNativeChart(t *testing.T) {
	fx := repOpen(t, data.DemoOptions{Children: 300, Sponsors: 20, Distributions: 400})
	b := repWorkbook(t, fx.r, "kk")
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var chart string
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") {
			rc, _ := f.Open()
			var buf bytes.Buffer
			buf.ReadFrom(rc)
			rc.Close()
			chart = html.UnescapeString(buf.String())
		}
	}
	if !strings.Contains(chart, "barChart>") || !strings.Contains(chart, "'Жиынтық'!$B$") || !strings.Contains(chart, "<orientation val=\"maxMin\">") {
		t.Fatalf("no bar chart over the summary sheet's figures:\n%.400s", chart)
	}
}

// TestWorkbookOpensInLibreOffice converts the workbook to PDF with
// LibreOffice headless: a workbook it would have to repair fails to convert.
func TestWorkbookOpensInLibreOffice(t *testing.T) {
	office := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			office = p
			break
		}
	}
	if office == "" {
		t.Skip("LibreOffice (soffice/libreoffice) is not on PATH: install libreoffice-calc-nogui to run this test")
	}
	fx := repOpen(t, data.DemoOptions{})
	dir := t.TempDir()
	in := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(in, repWorkbook(t, fx.r, "ru"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := repTool(t, office, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, in)
	pdf := filepath.Join(dir, "report.pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("LibreOffice did not convert the workbook: %v\n%s", err, out)
	}
	text := repTool(t, "pdftotext", "-layout", pdf, "-")
	for _, want := range []string{fx.camp.NameRU, "Спонсоры", "Обращения"} {
		if !strings.Contains(text, want) {
			t.Errorf("converted workbook lacks %q", want)
		}
	}
}
