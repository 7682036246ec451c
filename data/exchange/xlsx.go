package exchange

import (
	"fmt"
	"sort"
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
		g, err := readGrid(f, path, name, opt.MaxRows)
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

// readGrid streams a sheet's raw values (Excel serial dates stay numbers
// and IINs keep every digit) within the list's bounds, fills merged areas
// with their value and notes the hidden columns. The layout (merges, hidden
// columns) is a second pass over the sheet's XML: it runs on the other core
// while the rows stream, and a blank row (kept only if a merge starts on
// it) is the only one that waits for it.
func readGrid(f *excelize.File, path, sheet string, maxRows int) (grid, error) {
	type layoutResult struct {
		l   sheetLayout
		err error
	}
	done := make(chan layoutResult, 1)
	go func() {
		l, err := readLayout(path, sheet)
		done <- layoutResult{l, err}
	}()
	var layout *layoutResult
	wait := func() error {
		if layout == nil {
			r := <-done
			layout = &r
		}
		if layout.err != nil {
			return fmt.Errorf("sheet %q: %w", sheet, layout.err)
		}
		return nil
	}
	defer wait() // the goroutine ends before the file may be removed
	rows, err := f.Rows(sheet)
	if err != nil {
		return grid{}, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	defer rows.Close()
	b := newGridBuilder(sheet, maxRows)
	for num := 1; rows.Next(); num++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return grid{}, fmt.Errorf("sheet %q, row %d: %w", sheet, num, err)
		}
		if isBlank(cells) {
			if err := wait(); err != nil {
				return grid{}, err
			}
			if !startsMerge(layout.l.merges, num) {
				continue // blank rows are no list's rows; they cost nothing
			}
		}
		if err := b.add(num, cells); err != nil {
			return grid{}, fmt.Errorf("sheet %q: %w", sheet, err)
		}
	}
	if err := rows.Error(); err != nil {
		return grid{}, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	if err := wait(); err != nil {
		return grid{}, err
	}
	g := b.grid()
	if err := g.fillMerges(layout.l.merges); err != nil {
		return grid{}, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	width := 0
	for _, r := range g.rows {
		width = max(width, len(r))
	}
	g.hidden = make([]bool, width)
	copy(g.hidden, layout.l.hidden)
	return g, nil
}

func startsMerge(ms []mergeRange, row int) bool {
	for _, m := range ms {
		if m.r1 <= row && row <= m.r2 {
			return true
		}
	}
	return false
}

// maxMergedCells bounds the cells merged areas may fill.
const maxMergedCells = 10_000_000

// fillMerges gives each merged area's cells the area's value, clipped to
// the cells in use: a merge over whole columns or rows (XFD1:XFD60000)
// reaches no further than the list's own text.
func (g *grid) fillMerges(ms []mergeRange) error {
	width := 0
	for _, r := range g.rows {
		width = max(width, len(r))
	}
	filled := 0
	for _, m := range ms {
		if m.c1 > width {
			continue
		}
		top := sort.SearchInts(g.nums, m.r1)
		if top == len(g.nums) || g.nums[top] != m.r1 {
			continue // the area's first row is blank: nothing to fill
		}
		v := rawCellAt(g.rows[top], m.c1-1)
		if v == "" {
			continue
		}
		c2 := min(m.c2, width)
		for i := top; i < len(g.rows) && g.nums[i] <= m.r2; i++ {
			if filled += c2 - m.c1 + 1; filled > maxMergedCells {
				return fmt.Errorf("%w: merged areas fill more than %d cells", ErrTooBig, maxMergedCells)
			}
			for c := m.c1; c <= c2; c++ {
				g.rows[i] = setCell(g.rows[i], c-1, v)
			}
		}
	}
	return nil
}

func rawCellAt(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

func setCell(row []string, c int, v string) []string {
	for len(row) <= c {
		row = append(row, "")
	}
	row[c] = v
	return row
}
