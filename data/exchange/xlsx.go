package exchange

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// parseXLSX reads the chosen sheet, or the first one with a header.
func parseXLSX(path string, opt ParseOptions) (*Sheet, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names := f.GetSheetList()
	if opt.Sheet != "" {
		found := false
		for _, n := range names {
			found = found || n == opt.Sheet
		}
		if !found {
			return nil, fmt.Errorf("no sheet %q (sheets: %s)", opt.Sheet, strings.Join(names, ", "))
		}
		names = []string{opt.Sheet}
	}
	var firstErr error
	for _, name := range names {
		g, err := readGrid(f, name)
		if err != nil {
			return nil, err
		}
		sh, err := g.toSheet(opt.Kind)
		if err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("sheet %q: %w", name, err)
			}
			continue
		}
		sh.Sheets = f.GetSheetList()
		return sh, nil
	}
	return nil, firstErr
}

// readGrid reads a sheet's raw values (Excel serial dates stay numbers and
// IINs keep every digit), fills merged areas with their value and notes
// the hidden columns.
func readGrid(f *excelize.File, sheet string) (grid, error) {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return grid{}, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		return grid{}, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		// A merge over whole columns or rows reaches only the cells in use.
		r2, c2 = min(r2, len(rows)), min(c2, c1+200)
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				rows = setCell(rows, r-1, c-1, m.GetCellValue())
			}
		}
	}
	g := grid{name: sheet, rows: rows, nums: make([]int, len(rows))}
	width := 0
	for i, r := range rows {
		g.nums[i] = i + 1
		width = max(width, len(r))
	}
	g.hidden = make([]bool, width)
	for c := range g.hidden {
		name, _ := excelize.ColumnNumberToName(c + 1)
		visible, err := f.GetColVisible(sheet, name)
		g.hidden[c] = err == nil && !visible
	}
	return g, nil
}

func setCell(rows [][]string, r, c int, v string) [][]string {
	for len(rows) <= r {
		rows = append(rows, nil)
	}
	for len(rows[r]) <= c {
		rows[r] = append(rows[r], "")
	}
	rows[r][c] = v
	return rows
}
