package exchange

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
)

// Table is a list ready to be written: headers and one value per cell
// (string, int, int64 or time.Time).
type Table struct {
	Name    string // the sheet's name
	Headers []string
	Rows    [][]any
	// Personal marks a table of people's personal data: an xlsx carries
	// data.PersonalDataMarking in its printed footer on every page, a csv
	// on its first line.
	Personal bool
}

// Format is a file format of exports.
type Format string

// Export formats.
const (
	XLSX Format = "xlsx"
	CSV  Format = "csv"
)

// FormatOf tells the format from a file name: .xlsx or .csv.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return XLSX, nil
	case ".csv":
		return CSV, nil
	}
	return "", fmt.Errorf("%s: %w", path, ErrFormat)
}

// Write writes the table in the format.
func (t Table) Write(w io.Writer, f Format) error {
	if f == CSV {
		return t.WriteCSV(w)
	}
	return t.WriteXLSX(w)
}

// cellText writes a value as the csv and the importer read it back.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return x.Format("02.01.2006")
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	}
	return fmt.Sprint(v)
}

// defuse keeps a text from being read as a formula by a spreadsheet that
// opens the csv: one starting with =, @, a tab or a CR, or with + or -
// followed by more than a number («=HYPERLINK(…)», «-2+3+cmd|…»), gets a
// leading «'». Phones («+7 701 …») and negative numbers stay as they are.
func defuse(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return "'" + s
	case '+', '-':
		if strings.Trim(s[1:], "0123456789 ().,") != "" {
			return "'" + s
		}
	}
	return s
}

// WriteCSV writes UTF-8 with a BOM and «;» between fields, which Excel on
// Russian and Kazakh Windows opens as it is.
func (t Table) WriteCSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\ufeff")
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	cw.UseCRLF = true
	// A csv has no footer: a list of personal data is marked on its first
	// line, which the importer skips as it skips any title above a header.
	if t.Personal {
		if err := cw.Write([]string{data.PersonalDataMarking}); err != nil {
			return err
		}
	}
	if err := cw.Write(t.Headers); err != nil {
		return err
	}
	rec := make([]string, len(t.Headers))
	for _, row := range t.Rows {
		for i := range rec {
			rec[i] = ""
			if i < len(row) {
				rec[i] = defuse(cellText(row[i]))
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteXLSX writes one sheet with a bold, frozen header row. Numbers stay
// numbers; IINs and dates are text, so no leading zero is lost and the
// file reads back as it was written.
func (t Table) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	name := t.Name
	if name == "" {
		name = "Sheet1"
	}
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	if t.Personal {
		// set before the stream writer, which writes the sheet's footer
		// from the same worksheet on Flush
		foot := &excelize.HeaderFooterOptions{OddFooter: "&L&8" + data.PersonalDataMarking + "&R&8&P / &N"}
		if err := f.SetHeaderFooter(name, foot); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for i, h := range t.Headers {
		width := float64(max(len([]rune(h))+2, 12))
		if err := sw.SetColWidth(i+1, i+1, min(width, 40)); err != nil {
			return err
		}
	}
	head := make([]any, len(t.Headers))
	for i, h := range t.Headers {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for r, row := range t.Rows {
		cells := make([]any, len(row))
		for i, v := range row {
			if _, isText := v.(time.Time); isText || v == nil {
				v = cellText(v)
			}
			cells[i] = v
		}
		axis, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(axis, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
