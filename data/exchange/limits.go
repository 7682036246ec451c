package exchange

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// The bounds of what a list may hold: a file past them is refused with a
// clear message instead of taking the machine's memory.
const (
	MaxColumns = 200 // columns with any text in them
	// DefaultMaxRows bounds a list unless ParseOptions.MaxRows says
	// otherwise. The preview holds every row: 100,000 rows peak at 250 MB
	// RSS through the CLI (which lets go of the cells as it reads them),
	// more in the GUI (which keeps them); a school's or a district's list is
	// far smaller, and a region's whole register is refused with a message
	// instead of taking the office PC's memory (make reliability: 1M rows).
	DefaultMaxRows = 100000
	MaxCellChars   = 4000 // characters in one cell; a longer cell rejects its row
	quoteChars     = 80   // how much of an overlong cell a message quotes
	// titleRows are the rows a list may have above and around its data
	// (title, merged header, totals) that the bound does not count, so a
	// list of exactly MaxRows children still comes in.
	titleRows = 20
)

// ErrTooBig means a list has more rows or columns than a list may hold.
var ErrTooBig = errors.New("the list is too big")

// ErrTooDense is an ErrTooBig that the list's rows and columns do not
// show: a piece of the sheet's XML, the shared texts, the merged areas or
// the whole unpacked workbook over the reader's bounds. The clerk is told
// to copy the list's values into a new workbook, not to split it.
var ErrTooDense = fmt.Errorf("%w to read", ErrTooBig)

// Note is something the reader met in the file itself (an overlong cell, a
// subtotal row skipped, a header written twice); Preview words it for the
// clerk beside the row's own problems.
type Note struct {
	Row     int    // the spreadsheet's row number
	Col     int    // the column, or -1 for the whole row
	Value   string // the cell, cut to its first 80 characters
	Key     string // the message key
	Arg     any    // the message's argument, if it has one
	Warning bool   // a warning does not reject the row
}

// gridBuilder collects a sheet's rows within the bounds.
type gridBuilder struct {
	g       grid
	maxRows int
	notes   []Note
	// texts holds one copy of each short text: a list repeats its schools,
	// classes, categories and names on every row, and the reader makes a
	// new string for every cell.
	texts map[string]string
}

// Bounds of the shared texts: short ones, and not more than this many.
const (
	maxSharedLen   = 48
	maxSharedTexts = 1 << 16
)

func newGridBuilder(name string, maxRows int) *gridBuilder {
	if maxRows <= 0 {
		maxRows = DefaultMaxRows
	}
	return &gridBuilder{g: grid{name: name}, maxRows: maxRows, texts: map[string]string{}}
}

// share returns the one copy of a short text.
func (b *gridBuilder) share(v string) string {
	if len(v) > maxSharedLen {
		return v
	}
	if s, ok := b.texts[v]; ok {
		return s
	}
	if len(b.texts) < maxSharedTexts {
		b.texts[v] = v
	}
	return v
}

// grid returns the rows collected, with the notes.
func (b *gridBuilder) grid() grid {
	g := b.g
	g.notes = b.notes
	return g
}

// add appends row num; an overlong cell is cut and noted.
func (b *gridBuilder) add(num int, cells []string) error {
	if len(b.g.rows) >= b.maxRows+titleRows {
		return fmt.Errorf("%w: more than %d rows (row %d)", ErrTooBig, b.maxRows, num)
	}
	// Trailing empty cells (a formula that gives "", a padded row) count
	// for nothing; text past the last allowed column refuses the list.
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	if n > MaxColumns {
		return fmt.Errorf("%w: row %d has text in column %s, past the %d columns a list may hold",
			ErrTooBig, num, columnLetter(n-1), MaxColumns)
	}
	cells = cells[:n:n]
	for c, v := range cells {
		if len(v) <= MaxCellChars || utf8.RuneCountInString(v) <= MaxCellChars {
			cells[c] = b.share(v)
			continue
		}
		b.notes = append(b.notes, Note{Row: num, Col: c, Value: quote(v), Key: KeyCellTooLong,
			Arg: utf8.RuneCountInString(v)})
		cells[c] = quote(v)
	}
	b.g.rows = append(b.g.rows, cells)
	b.g.nums = append(b.g.nums, num)
	return nil
}

// quote returns the first 80 characters of an overlong text, and «…».
func quote(v string) string {
	i, n := 0, 0
	for i < len(v) && n < quoteChars {
		_, size := utf8.DecodeRuneInString(v[i:])
		i += size
		n++
	}
	if i < len(v) {
		return v[:i] + "…"
	}
	return v
}

// Message keys of the reader's notes.
const (
	KeyCellTooLong = "err.import.cell_too_long"
	KeyRowSkipped  = "warn.import.row_skipped"
	KeyHeaderTwice = "warn.import.header_twice"
)

// noteProblems words the sheet's notes in lang: those of data rows by
// row number, the rest (skipped rows, the header) apart.
func noteProblems(sh *Sheet, lang string) (byRow map[int][]Problem, rest []Problem) {
	data := make(map[int]bool, len(sh.Rows))
	for _, r := range sh.Rows {
		data[r.Number] = true
	}
	byRow = map[int][]Problem{}
	for _, n := range sh.Notes {
		column := sh.ColumnName(max(n.Col, 0))
		var args []any
		if n.Arg != nil {
			args = append(args, n.Arg)
		}
		p := Problem{Row: n.Row, Column: column, Value: n.Value, Key: n.Key, Warning: n.Warning,
			Message: Message(lang, n.Row, column, n.Value, n.Key, args...)}
		if data[n.Row] {
			byRow[n.Row] = append(byRow[n.Row], p)
		} else {
			rest = append(rest, p)
		}
	}
	return byRow, rest
}
