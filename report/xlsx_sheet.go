package report

import (
	"fmt"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// headerRow is the row of the column titles; the title is in row 1.
const headerRow = 2

// sheetRef quotes a sheet name for a formula: 'Жиынтық'!$A$3.
func sheetRef(sheet string, col, row int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return fmt.Sprintf("'%s'!$%s$%d", sheet, name, row)
}

// writeSheet sets up the empty sheet (print, filter, chart) and then
// streams its rows: the stream writer keeps what was set before it started.
func writeSheet(f *excelize.File, sh workSheet, st workbookStyles) error {
	if err := prepareSheet(f, sh); err != nil {
		return err
	}
	return streamSheet(f, sh, st)
}

// prepareSheet sets the print setup, the autofilter, the print titles and
// whatever sh.before adds (a chart) on the still empty sheet.
func prepareSheet(f *excelize.File, sh workSheet) error {
	lastCol, _ := excelize.ColumnNumberToName(len(sh.header))
	lastRow := headerRow + len(sh.rows)
	size, landscape, one, free := 9, "landscape", 1, 0 // 9: A4; 0 pages tall: as many as needed
	if err := f.SetPageLayout(sh.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape,
		FitToWidth: &one, FitToHeight: &free}); err != nil {
		return err
	}
	// AutoFilter replaces the sheet's properties: set them after it.
	if err := f.AutoFilter(sh.name, fmt.Sprintf("A%d:%s%d", headerRow, lastCol, lastRow), nil); err != nil {
		return err
	}
	fitToPage := true
	if err := f.SetSheetProps(sh.name, &excelize.SheetPropsOptions{FitToPage: &fitToPage}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sh.name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sh.name, headerRow, headerRow)}); err != nil {
		return err
	}
	if sh.before != nil {
		return sh.before(f, sh.name)
	}
	return nil
}

// streamSheet writes the column widths, the frozen panes and the rows.
func streamSheet(f *excelize.File, sh workSheet, st workbookStyles) error {
	sw, err := f.NewStreamWriter(sh.name)
	if err != nil {
		return err
	}
	for i, w := range columnWidths(sh) {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, ActivePane: "bottomLeft",
		TopLeftCell: fmt.Sprintf("A%d", headerRow+1)}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: sh.title}}); err != nil {
		return err
	}
	header := make([]any, len(sh.header))
	for i, h := range sh.header {
		header[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", headerRow), header, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	row := headerRow + 1
	for _, values := range sh.rows {
		if err := sw.SetRow(fmt.Sprintf("A%d", row), styled(values, sh.kinds, st.byKind)); err != nil {
			return err
		}
		row++
	}
	if sh.total {
		if err := sw.SetRow(fmt.Sprintf("A%d", row), totalRow(sh, st)); err != nil {
			return err
		}
		row++
	}
	row++
	for _, values := range sh.extra {
		kinds := make([]cellKind, len(values))
		for i, v := range values {
			if _, ok := v.(string); !ok {
				kinds[i] = kindNumber
			}
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", row), styled(values, kinds, st.byKind)); err != nil {
			return err
		}
		row++
	}
	return sw.Flush()
}

// tenge marks an amount in a column of mixed figures, so it gets the ₸ format.
type tenge int64

func styled(values []any, kinds []cellKind, byKind map[cellKind]int) []any {
	out := make([]any, len(values))
	for i, v := range values {
		if v == nil {
			continue
		}
		k := kindText
		if i < len(kinds) {
			k = kinds[i]
		}
		if t, ok := v.(tenge); ok {
			k, v = kindTenge, int64(t)
		}
		out[i] = excelize.Cell{StyleID: byKind[k], Value: v}
	}
	return out
}

// totalRow sums each number and tenge column with a formula; the sum is
// also stored as the cell's value for readers that do not recalculate.
func totalRow(sh workSheet, st workbookStyles) []any {
	out := make([]any, len(sh.header))
	labelled := false
	for i, k := range sh.kinds {
		col, _ := excelize.ColumnNumberToName(i + 1)
		switch k {
		case kindNumber, kindTenge:
			if i == 0 { // a row number column: no sum
				out[i] = excelize.Cell{StyleID: st.boldByKind[kindText]}
				continue
			}
			var sum int64
			for _, r := range sh.rows {
				sum += asInt(r[i])
			}
			out[i] = excelize.Cell{StyleID: st.boldByKind[k], Value: sum,
				Formula: fmt.Sprintf("SUM(%s%d:%s%d)", col, headerRow+1, col, headerRow+len(sh.rows))}
		default:
			var v any
			if !labelled && k == kindText {
				v, labelled = word(sh.lang, "total"), true
			}
			out[i] = excelize.Cell{StyleID: st.boldByKind[kindText], Value: v}
		}
	}
	return out
}

func asInt(v any) int64 {
	switch n := v.(type) {
	case int:
		return int64(n)
	case int64:
		return n
	case tenge:
		return int64(n)
	}
	return 0
}

// columnWidths fits each column to its longest text or number.
func columnWidths(sh workSheet) []float64 {
	widths := make([]float64, len(sh.header))
	for i, h := range sh.header {
		widths[i] = float64(min(utf8.RuneCountInString(h), 18))
	}
	measure := func(rows [][]any) {
		for _, r := range rows {
			for i, v := range r {
				if i >= len(widths) {
					continue
				}
				var n int
				switch x := v.(type) {
				case string:
					n = utf8.RuneCountInString(x)
				case int, int64, tenge:
					n = len(Number(asInt(x))) + 2
				case float64:
					n = 7
				}
				widths[i] = max(widths[i], float64(n))
			}
		}
	}
	measure(sh.rows)
	measure(sh.extra)
	for i, w := range widths {
		widths[i] = min(max(w*1.1+2, 6), 70)
	}
	return widths
}
