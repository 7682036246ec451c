package report

import (
	"fmt"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"github.com/mektepkezhol/app/assets"
)

// reportDoc is an A4 page with the report's fonts and a few layout helpers.
type reportDoc struct {
	*gofpdf.Fpdf
	lang string
	// eventsCut is set when the title page could not list every event.
	eventsCut bool
}

const (
	reportMargin = 15.0
	reportWidth  = 210.0 - 2*reportMargin
)

func newReportDoc(lang, orientation, footer string) *reportDoc {
	pdf := gofpdf.New(orientation, "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("sans", "", assets.Font(assets.SansRegular))
	pdf.AddUTF8FontFromBytes("sans", "B", assets.Font(assets.SansBold))
	pdf.SetMargins(reportMargin, reportMargin, reportMargin)
	pdf.SetAutoPageBreak(true, reportMargin+5)
	d := &reportDoc{Fpdf: pdf, lang: lang}
	pdf.SetFooterFunc(func() {
		pdf.SetY(-reportMargin)
		pdf.SetFont("sans", "", 7)
		pdf.SetTextColor(110, 110, 110)
		pdf.CellFormat(0, 5, footer, "", 0, "L", false, 0, "")
		pdf.CellFormat(0, 5, fmt.Sprintf(word(lang, "page"), pdf.PageNo()), "", 0, "R", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	return d
}

// contentWidth is the width between the margins of the current page.
func (d *reportDoc) contentWidth() float64 {
	w, _ := d.GetPageSize()
	return w - 2*reportMargin
}

// room starts a new page unless h millimetres are left on this one.
func (d *reportDoc) room(h float64) {
	_, ph := d.GetPageSize()
	if d.GetY()+h > ph-reportMargin-5 {
		d.AddPage()
	}
}

func (d *reportDoc) heading(text string) {
	d.room(30)
	d.Ln(3)
	d.SetFont("sans", "B", 12)
	d.MultiCell(0, 6, text, "", "L", false)
	d.Ln(1)
}

func (d *reportDoc) note(text string) {
	d.SetFont("sans", "", 7)
	d.SetTextColor(90, 90, 90)
	d.MultiCell(0, 4, text, "", "L", false)
	d.SetTextColor(0, 0, 0)
}

// tableColumn is one column of a table: its title, width and alignment.
type tableColumn struct {
	title string
	width float64
	right bool
}

// table writes rows under a header that repeats on each new page; the
// last row is bold when boldLast is set (a total).
func (d *reportDoc) table(cols []tableColumn, rows [][]string, boldLast bool) {
	const h = 5.5
	header := func() { d.tableHeader(cols) }
	d.room(4 * h)
	header()
	_, ph := d.GetPageSize()
	for i, row := range rows {
		if d.GetY()+h > ph-reportMargin-5 {
			d.AddPage()
			header()
		}
		style := ""
		if boldLast && i == len(rows)-1 {
			style = "B"
		}
		d.SetFont("sans", style, 8)
		for k, c := range cols {
			align := "L"
			if c.right {
				align = "R"
			}
			d.CellFormat(c.width, h, fitText(d.Fpdf, row[k], c.width-2), "1", 0, align, false, 0, "")
		}
		d.Ln(-1)
	}
}

// tableHeader writes the column titles on a grey band, each wrapped over
// as many lines as it needs.
func (d *reportDoc) tableHeader(cols []tableColumn) {
	const line = 3.6
	d.SetFillColor(225, 232, 240)
	titles := make([][]string, len(cols))
	sizes := make([]float64, len(cols))
	lines := 1
	for i, c := range cols {
		titles[i], sizes[i] = d.headerLines(c.title, c.width-2)
		lines = max(lines, len(titles[i]))
	}
	h := float64(lines)*line + 2.4
	x, y := d.GetX(), d.GetY()
	for i, c := range cols {
		d.SetFont("sans", "B", sizes[i])
		d.Rect(x, y, c.width, h, "FD")
		top := y + (h-float64(len(titles[i]))*line)/2
		for k, l := range titles[i] {
			d.SetXY(x+1, top+float64(k)*line)
			d.CellFormat(c.width-2, line, l, "", 0, "C", false, 0, "")
		}
		x += c.width
	}
	d.SetFont("sans", "B", 8)
	d.SetXY(reportMargin, y+h)
}

// headerLines wraps a column's title at word boundaries only: when its
// longest word does not fit the width at 8 pt, the title is set smaller
// (down to 5.5 pt) rather than broken inside the word.
func (d *reportDoc) headerLines(title string, width float64) ([]string, float64) {
	words := strings.Fields(title)
	size := 8.0
	for ; size > 5.5; size -= 0.5 {
		d.SetFont("sans", "B", size)
		fits := true
		for _, w := range words {
			fits = fits && d.GetStringWidth(w) <= width
		}
		if fits {
			break
		}
	}
	d.SetFont("sans", "B", size)
	var lines []string
	for _, w := range words {
		if n := len(lines); n > 0 && d.GetStringWidth(lines[n-1]+" "+w) <= width {
			lines[n-1] += " " + w
			continue
		}
		lines = append(lines, w)
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines, size
}

// wrap breaks text into lines that fit a cell of width w at the current
// font, as gofpdf's SplitText does, but at plain spaces only: a number and
// its unit joined by a non-breaking space stay on one line. A word wider
// than the cell is cut.
func (d *reportDoc) wrap(text string, w float64) []string {
	width := w - 2*d.GetCellMargin()
	var lines []string
	for _, word := range strings.Split(text, " ") {
		if word == "" {
			continue
		}
		if n := len(lines); n > 0 && d.GetStringWidth(lines[n-1]+" "+word) <= width {
			lines[n-1] += " " + word
			continue
		}
		for d.GetStringWidth(word) > width {
			r := []rune(word)
			k := len(r) - 1
			for k > 1 && d.GetStringWidth(string(r[:k])) > width {
				k--
			}
			lines, word = append(lines, string(r[:k])), string(r[k:])
		}
		lines = append(lines, word)
	}
	return lines
}
