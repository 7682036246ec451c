package report

import (
	"fmt"
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// Page geometry in millimetres. The text stays inside the inner frame
// (24 mm from each edge) with a margin.
const (
	pageWidth  = 210.0
	textLeft   = 33.0
	textWidth  = pageWidth - 2*textLeft
	varTop     = 80.0  // where the variable text starts
	varBottom  = 228.0 // where it must end
	signY      = 236.0
	placeY     = 255.0
	ptToMM     = 25.4 / 72
	lineFactor = 1.32 // line height per font size
)

// block is a paragraph of the variable text.
type block struct {
	style    string // "", "B", "I"
	size     float64
	text     string
	align    string  // "C" or "J"
	gap      float64 // space before, mm
	divider  bool    // an ornamental rule instead of text
	fixed    bool    // keeps its size when the body shrinks
	lines    []string
	fontSize float64
}

// page draws one letter, laid out by layOut.
func (r *letterPDF) page(l Letter, t laidOut) {
	pdf := r.pdf
	pdf.AddPage()
	if buf := pageBuffer(pdf); buf != nil {
		buf.Grow(pageBytes(l.Lang))
	}
	if r.opt.Blank {
		pdf.TransformBegin()
		pdf.TransformTranslate(r.tpl.BlankOffsetXmm, r.tpl.BlankOffsetYmm)
	} else {
		pdf.UseTemplate(r.border)
		pdf.UseTemplate(r.fixedForm("heading "+l.Lang, func() { r.heading(l.Lang, t) }))
		pdf.SetTextColor(25, 25, 25) // as heading leaves its form
	}
	r.variableText(t)
	r.signature(l.Lang, t)
	r.placeAndNumber(l)
	if r.opt.Blank {
		pdf.TransformEnd()
	}
}

// fixedForm returns the form (a template the pages refer to) that draw
// draws, made the first time key is asked for: what every letter of a
// batch repeats in the same place (the heading) is written into the file
// once, not on every page. draw draws with r.pdf, which is the form's
// document while it runs.
func (r *letterPDF) fixedForm(key string, draw func()) gofpdf.Template {
	if f, ok := r.forms[key]; ok {
		return f
	}
	doc := r.pdf
	f := newFixedTemplate(doc.CreateTemplate(func(t *gofpdf.Tpl) {
		r.pdf = &t.Fpdf
		// a form's document starts with gofpdf's defaults, not the page's
		// settings; its text takes the page's colour
		r.pdf.SetAutoPageBreak(false, 0)
		r.pdf.SetMargins(0, 0, 0)
		r.pdf.SetCellMargin(0)
		r.pdf.SetTextColor(doc.GetTextColor())
		draw()
	}))
	r.pdf = doc
	r.forms[key] = f
	return f
}

func (r *letterPDF) setColor(c [3]int) { r.pdf.SetTextColor(c[0], c[1], c[2]) }

// heading prints the department and the title of the certificate.
func (r *letterPDF) heading(lang string, t laidOut) {
	pdf := r.pdf
	r.setColor(colorBlue)
	y := 30.0
	for _, d := range t.depts {
		y = r.lines(d.lines, "I", d.size, "C", y)
	}
	switch lang {
	case "kk":
		r.centered("B", 38, "АЛҒЫС ХАТ", 50)
	case "ru":
		r.centered("B", t.title, "БЛАГОДАРСТВЕННОЕ ПИСЬМО", 52)
	default:
		r.centered("B", 34, "АЛҒЫС ХАТ", 46)
		r.centered("B", 15.5, "БЛАГОДАРСТВЕННОЕ ПИСЬМО", 60)
	}
	r.divider(71, 38)
	pdf.SetTextColor(25, 25, 25)
}

func (r *letterPDF) centered(style string, size float64, text string, y float64) {
	r.pdf.SetFont(fontSerif, style, size)
	r.pdf.SetXY(textLeft, y)
	r.pdf.CellFormat(textWidth, size*ptToMM*lineFactor, text, "", 0, "C", false, 0, "")
}

// lines prints lines from y on and returns the y below them. Justified
// lines stretch to the width, as Word's do, except the last and those
// without spaces; evenLines keeps their gaps narrow.
func (r *letterPDF) lines(lines []string, style string, size float64, align string, y float64) float64 {
	pdf := r.pdf
	pdf.SetFont(fontSerif, style, size)
	h := size * ptToMM * lineFactor
	for i, ln := range lines {
		a := align
		if a == "J" && (i == len(lines)-1 || !strings.Contains(ln, " ")) {
			a = "L"
		}
		pdf.SetXY(textLeft, y)
		pdf.CellFormat(textWidth, h, ln, "", 0, a, false, 0, "")
		y += h
	}
	return y
}

// variableText prints the addressee and the paragraphs as layOut sized
// them to fit between varTop and varBottom.
func (r *letterPDF) variableText(t laidOut) {
	// Centre short letters a little in the free space.
	y := varTop + min((varBottom-varTop-t.total)/2.5, 20)
	for _, b := range t.blocks {
		y += b.gap
		if b.divider {
			if !r.opt.Blank {
				r.divider(y+2, 30)
			}
			y += 4
			continue
		}
		y = r.lines(b.lines, b.style, b.fontSize, b.align, y)
	}
}

// signature prints the head of department's title and name, with the
// signature and stamp images if any. The text and the line are the same on
// every letter of a language: a form, drawn once (fixedForm). The images
// stay on the page, the stamp under the text, the signature over the line
// (it does not reach the name).
func (r *letterPDF) signature(lang string, t laidOut) {
	pdf := r.pdf
	st := r.opt.Settings
	titles := []string{st.HeadTitleKK}
	switch lang {
	case "ru":
		titles = []string{st.HeadTitleRU}
	case "both":
		titles = append(titles, st.HeadTitleRU)
	}
	mid := signY + 5.5*float64(len(titles)-1)/2
	if r.images["stamp"] {
		pdf.ImageOptions("stamp", 70, signY-18, 36, 0, false, gofpdf.ImageOptions{}, 0, "")
	}
	if r.opt.Blank {
		r.signatureText(titles, mid, t.head)
	} else {
		pdf.UseTemplate(r.fixedForm("signature "+lang, func() { r.signatureText(titles, mid, t.head) }))
	}
	if r.images["signature"] {
		pdf.ImageOptions("signature", 103, mid-9, 34, 0, false, gofpdf.ImageOptions{}, 0, "")
	}
}

// signatureText prints the titles, the line to sign on and the head's
// name at size head.
func (r *letterPDF) signatureText(titles []string, mid, head float64) {
	pdf := r.pdf
	y := signY
	for _, t := range titles {
		pdf.SetFont(fontSerif, "B", 12.5)
		pdf.SetXY(textLeft, y)
		pdf.CellFormat(60, 6, t, "", 0, "L", false, 0, "")
		y += 5.5
	}
	if !r.opt.Blank {
		pdf.SetDrawColor(60, 60, 60)
		pdf.SetLineWidth(0.25)
		pdf.Line(101, mid+5, 139, mid+5)
	}
	pdf.SetFont(fontSerif, "B", head)
	pdf.SetXY(142, mid)
	pdf.CellFormat(textLeft+textWidth-142, 6, r.opt.Settings.HeadName, "", 0, "R", false, 0, "")
}

// placeAndNumber prints the city and the date of issue, and the registry
// number with the same date.
func (r *letterPDF) placeAndNumber(l Letter) {
	st := r.opt.Settings
	on := ShortDate(l.IssuedOn)
	var place, number string
	switch l.Lang {
	case "ru":
		place = fmt.Sprintf("г. %s, %s", st.CityRU, LongDate(l.IssuedOn, "ru"))
		number = fmt.Sprintf("Рег. № %d от %s", l.Number, on)
	case "both":
		place = fmt.Sprintf("%s қ. — г. %s, %s", st.CityKK, st.CityRU, on)
		number = fmt.Sprintf("№ %d · %s", l.Number, on)
	default:
		place = fmt.Sprintf("%s қ., %s", st.CityKK, LongDate(l.IssuedOn, "kk"))
		number = fmt.Sprintf("Тіркеу № %d · %s", l.Number, on)
	}
	r.centered("I", 11.5, place, placeY)
	r.centered("", 9.5, number, placeY+6)
}
