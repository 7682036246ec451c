package exchange

import (
	"archive/zip"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
)

// parseXLSX reads the chosen sheet, or the first one with a header.
func parseXLSX(path string, opt ParseOptions) (*Sheet, error) {
	wb, err := openWorkbook(path)
	if errors.Is(err, zip.ErrFormat) {
		return nil, fmt.Errorf("%w: not a zip", ErrFormat) // an .xlsx that is no workbook
	}
	if err != nil {
		return nil, damaged(err)
	}
	defer wb.Close()
	names := wb.sheets
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
		g, err := wb.readGrid(name, opt.MaxRows)
		if err != nil {
			return nil, damaged(err)
		}
		sh, err := g.toSheet(opt.Kind)
		if err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("sheet %q: %w", name, err)
			}
			continue
		}
		sh.Sheets = slices.Clone(wb.sheets)
		return sh, nil
	}
	if firstErr == nil {
		firstErr = ErrNoHeader // a workbook without sheets
	}
	return nil, firstErr
}

// damaged marks a reading error as ErrDamaged, unless it already says
// what is wrong in the app's words (too big, damaged), so that the clerk
// is told in Kazakh or Russian, not in the XML reader's English.
func damaged(err error) error {
	var pe *fs.PathError // the file itself could not be read: said as it is
	if errors.Is(err, ErrTooBig) || errors.Is(err, ErrDamaged) || errors.Is(err, ErrFormat) || errors.As(err, &pe) {
		return err
	}
	return fmt.Errorf("%w: %v", ErrDamaged, err)
}

// readGrid streams a sheet's raw values (Excel serial dates stay numbers
// and IINs keep every digit) within the list's bounds, fills merged areas
// with their value and notes the hidden columns.
func (wb *workbook) readGrid(sheet string, maxRows int) (grid, error) {
	part, ok := wb.parts[sheet]
	if !ok {
		return grid{}, fmt.Errorf("sheet %q: not in the workbook", sheet)
	}
	texts, err := wb.sharedTexts()
	if err != nil {
		return grid{}, err
	}
	rc, err := wb.open(part)
	if err != nil {
		return grid{}, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	defer rc.Close()
	sr := &sheetReader{s: newXMLScanner(rc), texts: texts, b: newGridBuilder(sheet, maxRows)}
	if err := sr.read(); err != nil {
		return grid{}, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	g := sr.b.grid()
	if err := g.addMergedBlanks(sr.layout.merges, sr.last, sr.b.maxRows+titleRows); err != nil {
		return grid{}, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	if err := g.fillMerges(sr.layout.merges); err != nil {
		return grid{}, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	width := 0
	for _, r := range g.rows {
		width = max(width, len(r))
	}
	g.hidden = make([]bool, width)
	copy(g.hidden, sr.layout.hidden)
	return g, nil
}

// addMergedBlanks adds the blank rows inside merged areas, up to the
// sheet's last row: a merged area's value fills them (a school's number
// merged down its children).
func (g *grid) addMergedBlanks(ms []mergeRange, last, limit int) error {
	var blanks []int
	seen, steps := map[int]bool{}, 0
	for _, m := range ms {
		for r := m.r1; r <= min(m.r2, last); r++ {
			if steps++; steps > maxMergedCells {
				return fmt.Errorf("%w: merged areas fill more than %d cells", ErrTooDense, maxMergedCells)
			}
			if _, found := slices.BinarySearch(g.nums, r); found || seen[r] {
				continue
			}
			if seen[r] = true; len(g.rows)+len(blanks) >= limit {
				return fmt.Errorf("%w: more than %d rows (row %d)", ErrTooBig, limit-titleRows, r)
			}
			blanks = append(blanks, r)
		}
	}
	if len(blanks) == 0 {
		return nil
	}
	slices.Sort(blanks)
	rows, nums := make([][]string, 0, len(g.rows)+len(blanks)), make([]int, 0, len(g.rows)+len(blanks))
	i := 0
	for _, r := range blanks {
		for ; i < len(g.nums) && g.nums[i] < r; i++ {
			rows, nums = append(rows, g.rows[i]), append(nums, g.nums[i])
		}
		rows, nums = append(rows, nil), append(nums, r)
	}
	g.rows, g.nums = append(rows, g.rows[i:]...), append(nums, g.nums[i:]...)
	return nil
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
				return fmt.Errorf("%w: merged areas fill more than %d cells", ErrTooDense, maxMergedCells)
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
