// Package exchange moves lists in and out of the campaign's database:
// schools' lists of children and the accountant's list of sponsors are read
// from xlsx or csv (Parse), checked and matched (Preview) and saved in one
// transaction (Commit); any list is written out to xlsx or csv (Export),
// and schools get a blank template to fill in (WriteTemplate).
package exchange

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Sheet is one table read from a file: its header and its data rows, with
// the spreadsheet's own row numbers.
type Sheet struct {
	Name string // the sheet's name; the file's name for csv
	// Sheets lists every sheet of the file, for the user to choose.
	Sheets []string
	// Header holds one text per column; a two-row header (merged group
	// cells over sub-headers) is joined into one text per column.
	Header    []string
	HeaderRow int // number of the (last) header row
	Hidden    []bool
	Rows      []Row
	// Notes are what the reader met in the file itself: overlong cells,
	// skipped subtotal and heading rows, a header written twice.
	Notes []Note
}

// Row is one data row.
type Row struct {
	Number int // the spreadsheet's row number (1-based), or the csv line
	Cells  []string
}

// Cell returns a row's text in column col, "" past its end.
func (r Row) Cell(col int) string {
	if col < 0 || col >= len(r.Cells) {
		return ""
	}
	return strings.TrimSpace(r.Cells[col])
}

// IsHidden tells whether column col was hidden in the workbook.
func (sh *Sheet) IsHidden(col int) bool { return col < len(sh.Hidden) && sh.Hidden[col] }

// ColumnName returns a column's letter and header, as messages name it:
// «C («ИИН»)».
func (sh *Sheet) ColumnName(col int) string {
	letter := columnLetter(col)
	if col < len(sh.Header) && strings.TrimSpace(sh.Header[col]) != "" {
		return letter + " («" + strings.Join(strings.Fields(sh.Header[col]), " ") + "»)"
	}
	return letter
}

func columnLetter(col int) string {
	s := ""
	for col++; col > 0; col = (col - 1) / 26 {
		s = string(rune('A'+(col-1)%26)) + s
	}
	return s
}

// ErrNoHeader means no row of the sheet looks like the list's header.
var ErrNoHeader = errors.New("no header row found")

// ErrDamaged means an xlsx file's insides are broken: its XML, its parts or
// their references to each other.
var ErrDamaged = errors.New("the workbook is damaged")

// ErrFormat means the file is neither xlsx nor csv.
var ErrFormat = errors.New("the file is neither .xlsx nor .csv")

// ParseOptions choose what to read.
type ParseOptions struct {
	Kind  Kind   // which headers to look for
	Sheet string // the sheet's name; "" is the first sheet with a header
	// MaxRows refuses a list of more data rows (20 title rows aside); 0 is
	// DefaultMaxRows.
	MaxRows int
}

// Parse reads a list from an xlsx or csv file.
func Parse(path string, opt ParseOptions) (*Sheet, error) {
	var (
		sh  *Sheet
		err error
	)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		sh, err = parseXLSX(path, opt)
	case ".csv", ".txt":
		sh, err = parseCSVFile(path, opt)
	default:
		return nil, fmt.Errorf("%s: %w", path, ErrFormat)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return sh, nil
}

// grid is a sheet's cells before the header is found.
type grid struct {
	name   string
	rows   [][]string
	nums   []int // row numbers of rows
	hidden []bool
	notes  []Note
}

// maxHeaderSearch is how many rows from the top may hold titles.
const maxHeaderSearch = 30

// toSheet finds the header below any title rows and keeps the data rows
// under it, up to a closing «Барлығы»/«Итого» row.
func (g grid) toSheet(k Kind) (*Sheet, error) {
	best, bestScore := -1, 0
	for i := 0; i < len(g.rows) && i < maxHeaderSearch; i++ {
		if s := headerScore(k, g.rows[i]); s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 || bestScore < 2 {
		return nil, ErrNoHeader
	}
	header := append([]string(nil), g.rows[best]...)
	last := best
	// Merged group headers: «ФИО» over «Тегі | Аты | Әкесінің аты».
	if next := best + 1; next < len(g.rows) && headerScore(k, g.rows[next]) >= 2 && !looksLikeData(g.rows[next]) {
		header = joinHeaders(k, header, g.rows[next])
		last = next
	}
	sh := &Sheet{Name: g.name, Header: header, HeaderRow: g.nums[last], Hidden: g.hidden, Notes: g.notes}
	sh.Notes = append(sh.Notes, duplicateHeaders(k, sh)...)
	lastData := g.lastData(k, last)
	for i := last + 1; i <= lastData; i++ {
		cells := g.rows[i]
		if isBlank(cells) {
			continue
		}
		// A subtotal or a heading in the middle of a list («Итого по 1 А
		// классу», «2 Б сынып») is no child: skipped, and the clerk told.
		if isTotals(cells) || isHeading(k, cells) {
			sh.Notes = append(sh.Notes, Note{Row: g.nums[i], Col: firstFilled(cells), Value: quote(cellAt(cells, firstFilled(cells))),
				Key: KeyRowSkipped, Warning: true})
			continue
		}
		sh.Rows = append(sh.Rows, Row{Number: g.nums[i], Cells: cells})
	}
	return sh, nil
}

// lastData returns the index of the list's last data row: a closing
// «Барлығы» row ends the list, with the signatures under it, unless data
// rows (a child's IIN; a sponsor's name and more) follow it.
func (g grid) lastData(k Kind, header int) int {
	totals := len(g.rows)
	for i := header + 1; i < len(g.rows); i++ {
		if isTotals(g.rows[i]) {
			totals = i
			break
		}
	}
	for i := len(g.rows) - 1; i > header; i-- {
		cells := g.rows[i]
		if isBlank(cells) || isTotals(cells) || isHeading(k, cells) {
			continue
		}
		if i > totals && (k == Children && !looksLikeData(cells) || k == Sponsors && filled(cells) < 2) {
			continue // a signature or a note under the list
		}
		return i
	}
	return header
}

// isHeading tells a heading row inside a list: one text merged over the
// row («2 Б сынып»). A text alone stays a row, rejected for what it lacks.
func isHeading(k Kind, cells []string) bool {
	text, n := "", 0
	for _, c := range cells {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		if n > 0 && c != text {
			return false
		}
		text, n = c, n+1
	}
	return n > 1 && (k == Sponsors || !looksLikeData(cells))
}

func filled(cells []string) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

func firstFilled(cells []string) int {
	for i, c := range cells {
		if strings.TrimSpace(c) != "" {
			return i
		}
	}
	return 0
}

// duplicateHeaders notes a header naming a field a column before it
// already names: only the first of them is read.
func duplicateHeaders(k Kind, sh *Sheet) []Note {
	var notes []Note
	seen := map[string]int{}
	for col, h := range sh.Header {
		code, _ := matchHeader(Fields(k), h)
		key := headerKey(h)
		if code == "" || key == "" {
			continue
		}
		if first, ok := seen[key]; ok {
			notes = append(notes, Note{Row: sh.HeaderRow, Col: col, Value: quote(strings.TrimSpace(h)),
				Key: KeyHeaderTwice, Arg: sh.ColumnName(first), Warning: true})
			continue
		}
		seen[key] = col
	}
	return notes
}

func headerScore(k Kind, cells []string) int {
	n := 0
	for _, c := range cells {
		if code, _ := matchHeader(Fields(k), c); code != "" {
			n++
		}
	}
	return n
}

// looksLikeData tells a data row from a sub-header: it holds an IIN.
func looksLikeData(cells []string) bool {
	for _, c := range cells {
		if _, err := NormalizeIIN(c); err == nil {
			return true
		}
	}
	return false
}

// joinHeaders picks per column the sub-header when it names a field,
// else the group header with the sub-header.
func joinHeaders(k Kind, upper, lower []string) []string {
	n := max(len(upper), len(lower))
	out := make([]string, n)
	for i := range out {
		u, l := cellAt(upper, i), cellAt(lower, i)
		switch code, _ := matchHeader(Fields(k), l); {
		case code != "":
			out[i] = l
		case l != "" && u != "":
			out[i] = u + " " + l
		case l != "":
			out[i] = l
		default:
			out[i] = u
		}
	}
	return out
}

func cellAt(cells []string, i int) string {
	if i < len(cells) {
		return strings.TrimSpace(cells[i])
	}
	return ""
}

func isBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// isTotals tells the closing row of a list: «Барлығы», «Итого», «Всего».
func isTotals(cells []string) bool {
	for _, c := range cells {
		k := headerKey(c)
		if k == "" {
			continue
		}
		for _, w := range []string{"барлығы", "итого", "всего", "жиыны", "жиынтығы"} {
			if k == w || strings.HasPrefix(k, w+" ") {
				return true
			}
		}
		return false // only the first filled cell counts
	}
	return false
}
