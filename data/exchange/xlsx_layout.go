package exchange

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetLayout is what a sheet's XML says beside its cells: the hidden
// columns and the merged ranges. It is read by streaming the XML, skipping
// the cells: excelize's own readers load the whole sheet into memory.
type sheetLayout struct {
	hidden []bool // up to MaxColumns
	merges []mergeRange
}

// mergeRange is a merged area, 1-based and inclusive.
type mergeRange struct{ c1, r1, c2, r2 int }

// maxMerges bounds the merged ranges a sheet may declare.
const maxMerges = 100000

// readLayout reads the layout of the named sheet of the xlsx file at p.
func readLayout(p, sheet string) (sheetLayout, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return sheetLayout{}, err
	}
	defer zr.Close()
	target, err := sheetPart(&zr.Reader, sheet)
	if err != nil {
		return sheetLayout{}, err
	}
	for _, f := range zr.File {
		if f.Name == target {
			rc, err := f.Open()
			if err != nil {
				return sheetLayout{}, err
			}
			defer rc.Close()
			return decodeLayout(rc)
		}
	}
	return sheetLayout{}, fmt.Errorf("sheet %q: no part %s", sheet, target)
}

// sheetPart finds the zip part of a sheet through the workbook and its
// relationships.
func sheetPart(zr *zip.Reader, sheet string) (string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(zr, "xl/workbook.xml", &wb); err != nil {
		return "", err
	}
	if err := decodePart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return "", err
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == s.RID {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/"), nil
				}
				return path.Join("xl", r.Target), nil
			}
		}
	}
	return "", fmt.Errorf("sheet %q: not in the workbook", sheet)
}

func decodePart(zr *zip.Reader, name string, v any) error {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			// the workbook's parts are small; a bomb stops at 16 MB
			return xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v)
		}
	}
	return fmt.Errorf("no %s in the workbook", name)
}

// decodeLayout streams a sheet's XML for <col> and <mergeCell>, skipping
// <sheetData>. It reads raw tokens: the elements it wants have no
// namespace to resolve, and the cells it skips are most of the file (Token
// and Skip took as long as reading the cells themselves).
func decodeLayout(r io.Reader) (sheetLayout, error) {
	var l sheetLayout
	d := xml.NewDecoder(r)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return l, nil
		}
		if err != nil {
			return l, err
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "sheetData":
			if err := skipRaw(d); err != nil {
				return l, err
			}
		case "col":
			l.addCol(el.Attr)
		case "mergeCell":
			if len(l.merges) >= maxMerges {
				return l, fmt.Errorf("%w: more than %d merged ranges", ErrTooBig, maxMerges)
			}
			if m, ok := parseMerge(attr(el.Attr, "ref")); ok {
				l.merges = append(l.merges, m)
			}
		}
	}
}

// skipRaw reads raw tokens to the end of the element just started.
func skipRaw(d *xml.Decoder) error {
	for depth := 1; depth > 0; {
		tok, err := d.RawToken()
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// addCol notes the hidden columns of a <col min max hidden> element.
func (l *sheetLayout) addCol(attrs []xml.Attr) {
	if h := attr(attrs, "hidden"); h != "1" && h != "true" {
		return
	}
	lo, err1 := strconv.Atoi(attr(attrs, "min"))
	hi, err2 := strconv.Atoi(attr(attrs, "max"))
	if err1 != nil || err2 != nil || lo < 1 {
		return
	}
	for c := lo; c <= min(hi, MaxColumns); c++ {
		for len(l.hidden) < c {
			l.hidden = append(l.hidden, false)
		}
		l.hidden[c-1] = true
	}
}

func parseMerge(ref string) (mergeRange, bool) {
	from, to, ok := strings.Cut(ref, ":")
	if !ok {
		return mergeRange{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(from)
	c2, r2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil || c2 < c1 || r2 < r1 {
		return mergeRange{}, false
	}
	return mergeRange{c1, r1, c2, r2}, true
}

func attr(attrs []xml.Attr, name string) string {
	for _, a := range attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
