package exchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// sheetReader streams one sheet's XML: <col> (hidden columns), <row> and
// its cells, <mergeCell>.
type sheetReader struct {
	d       *xml.Decoder
	texts   []string // the workbook's shared texts
	b       *gridBuilder
	layout  sheetLayout
	last    int      // the last row's number
	scratch []string // the row being read
	v, t    strings.Builder
}

// maxSheetRow is the last row a sheet may have.
const maxSheetRow = 1 << 20

func (sr *sheetReader) read() error {
	for {
		tok, err := sr.d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "row":
			num := sr.last + 1
			if r := attr(el.Attr, "r"); r != "" {
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
			sr.layout.addCol(el.Attr)
		case "mergeCell":
			if len(sr.layout.merges) >= maxMerges {
				return fmt.Errorf("%w: more than %d merged ranges", ErrTooBig, maxMerges)
			}
			if m, ok := parseMerge(attr(el.Attr, "ref")); ok {
				sr.layout.merges = append(sr.layout.merges, m)
			}
		}
	}
}

// row reads the cells of row num up to its end and keeps the row unless
// it is blank.
func (sr *sheetReader) row(num int) error {
	cells, col := sr.scratch[:0], -1
	for {
		tok, err := sr.d.RawToken()
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			sr.scratch = cells
			if isBlank(cells) {
				return nil // blank rows are no list's rows; they cost nothing
			}
			return sr.b.add(num, slices.Clone(cells))
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := skipRaw(sr.d); err != nil {
					return err
				}
				continue
			}
			col++
			if ref := attr(t.Attr, "r"); ref != "" {
				var ok bool
				if col, ok = cellColumn(ref); !ok {
					return fmt.Errorf("row %d: %q is not a cell", num, ref)
				}
			}
			v, err := sr.cell(attr(t.Attr, "t"))
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
	}
}

// cell reads a cell's raw value to the cell's end: a shared text's text,
// an inline text, else the <v> as written (numbers unformatted).
func (sr *sheetReader) cell(typ string) (string, error) {
	sr.v.Reset()
	sr.t.Reset()
	var dst *strings.Builder
	for depth := 1; depth > 0; {
		tok, err := sr.d.RawToken()
		if err != nil {
			if err == io.EOF {
				return "", io.ErrUnexpectedEOF
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				dst = &sr.v
			case "t":
				dst = &sr.t
			case "f", "rPh", "extLst":
				if err := skipRaw(sr.d); err != nil {
					return "", err
				}
				continue
			}
			depth++
		case xml.EndElement:
			depth--
			dst = nil
		case xml.CharData:
			if dst != nil {
				dst.Write(t)
			}
		}
	}
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(sr.v.String()))
		if err != nil || i < 0 || i >= len(sr.texts) {
			return "", nil
		}
		return sr.texts[i], nil
	case "inlineStr":
		if sr.t.Len() > 0 {
			return unescapeOOXML(sr.t.String()), nil
		}
	}
	return sr.v.String(), nil
}
