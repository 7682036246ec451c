package exchange

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// sheetReader streams one sheet's XML: <col> (hidden columns), <row> and
// its cells, <mergeCell>.
type sheetReader struct {
	s       *xmlScanner
	texts   []string // the workbook's shared texts
	b       *gridBuilder
	layout  sheetLayout
	last    int      // the last row's number
	scratch []string // the row being read
	v, t    []byte   // the cell's <v> and inline <t>
}

// maxSheetRow is the last row a sheet may have.
const maxSheetRow = 1 << 20

func (sr *sheetReader) read() error {
	for {
		if err := sr.s.next(); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		if sr.s.kind != tokStart {
			continue
		}
		switch string(sr.s.name) {
		case "row":
			num := sr.last + 1
			if r := sr.s.attr("r"); r != "" {
				n, err := strconv.Atoi(r)
				if err != nil || n < 1 || n > maxSheetRow {
					return fmt.Errorf("row %q: not a row number", r)
				}
				num = n
			}
			if num <= sr.last {
				return fmt.Errorf("row %d comes after row %d", num, sr.last)
			}
			sr.last = num
			if err := sr.row(num); err != nil {
				return err
			}
		case "col":
			sr.layout.addCol(sr.s.attr("min"), sr.s.attr("max"), sr.s.attr("hidden"))
		case "mergeCell":
			if len(sr.layout.merges) >= maxMerges {
				return fmt.Errorf("%w: more than %d merged ranges", ErrTooDense, maxMerges)
			}
			if m, ok := parseMerge(sr.s.attr("ref")); ok {
				sr.layout.merges = append(sr.layout.merges, m)
			}
		}
	}
}

// row reads the cells of row num up to its end and keeps the row unless
// it is blank.
func (sr *sheetReader) row(num int) error {
	cells, col := sr.scratch[:0], -1
	for empty := sr.s.self; !empty; {
		if err := sr.s.next(); err != nil {
			return eof(err)
		}
		if sr.s.kind == tokEnd {
			break
		}
		if sr.s.kind != tokStart {
			continue
		}
		if !sr.s.is("c") {
			if err := sr.s.skip(); err != nil {
				return err
			}
			continue
		}
		col++
		if ref := sr.s.attr("r"); ref != "" {
			var ok bool
			if col, ok = cellColumn(ref); !ok {
				return fmt.Errorf("row %d: %q is not a cell", num, ref)
			}
		}
		v, err := sr.cell(sr.s.attr("t"))
		if err != nil {
			return fmt.Errorf("row %d: %w", num, err)
		}
		if v == "" {
			continue
		}
		if col >= MaxColumns {
			if strings.TrimSpace(v) != "" {
				return fmt.Errorf("%w: row %d has text in column %s, past the %d columns a list may hold",
					ErrTooBig, num, columnLetter(col), MaxColumns)
			}
			continue
		}
		for len(cells) <= col {
			cells = append(cells, "")
		}
		cells[col] = v
	}
	sr.scratch = cells
	if isBlank(cells) {
		return nil // blank rows are no list's rows; they cost nothing
	}
	return sr.b.add(num, slices.Clone(cells))
}

// cell reads a cell's raw value to the cell's end: a shared text's text,
// an inline text, else the <v> as written (numbers unformatted).
func (sr *sheetReader) cell(typ string) (string, error) {
	sr.v, sr.t = sr.v[:0], sr.t[:0]
	if sr.s.self {
		return "", nil // <c r="A1" s="3"/>: a styled empty cell
	}
	var dst *[]byte
	for depth := 1; depth > 0; {
		if err := sr.s.next(); err != nil {
			return "", eof(err)
		}
		switch sr.s.kind {
		case tokStart:
			if sr.s.self {
				continue
			}
			switch string(sr.s.name) {
			case "v":
				dst = &sr.v
			case "t":
				dst = &sr.t
			case "f", "rPh", "extLst":
				if err := sr.s.skip(); err != nil {
					return "", err
				}
				continue
			}
			depth++
		case tokEnd:
			depth--
			dst = nil
		case tokText:
			if dst != nil {
				if *dst = append(*dst, sr.s.text...); len(*dst) > maxTokenBytes {
					return "", errLongToken
				}
			}
		}
	}
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(string(sr.v)))
		if err != nil || i < 0 || i >= len(sr.texts) {
			// a cell pointing past the shared texts: the file is damaged, and
			// reading it as empty would turn an IIN into a missing one
			return "", fmt.Errorf("%w: shared text %q is not in the workbook", ErrDamaged, sr.v)
		}
		return sr.texts[i], nil
	case "inlineStr":
		if len(sr.t) > 0 {
			return strings.ToValidUTF8(unescapeOOXML(string(sr.t)), "\uFFFD"), nil
		}
	}
	return strings.ToValidUTF8(string(sr.v), "\uFFFD"), nil
}
