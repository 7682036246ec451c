package exchange

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetLayout is what a sheet's XML says beside its cells: the hidden
// columns and the merged ranges.
type sheetLayout struct {
	hidden []bool // up to MaxColumns
	merges []mergeRange
}

// mergeRange is a merged area, 1-based and inclusive.
type mergeRange struct{ c1, r1, c2, r2 int }

// maxMerges bounds the merged ranges a sheet may declare.
const maxMerges = 100000

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

// addCol notes the hidden columns of a <col min max hidden> element.
func (l *sheetLayout) addCol(minCol, maxCol, hidden string) {
	if hidden != "1" && hidden != "true" {
		return
	}
	lo, err1 := strconv.Atoi(minCol)
	hi, err2 := strconv.Atoi(maxCol)
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
