package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/jung-kurt/gofpdf"
	"github.com/mektepkezhol/app/data/lingo"
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

// page draws one letter.
func (r *letterPDF) page(l Letter) {
	pdf := r.pdf
	pdf.AddPage()
	if r.opt.Blank {
		pdf.TransformBegin()
		pdf.TransformTranslate(r.tpl.BlankOffsetXmm, r.tpl.BlankOffsetYmm)
	} else {
		pdf.UseTemplate(r.border)
		r.heading(l.Lang)
	}
	r.variableText(l)
	r.signature(l.Lang)
	r.placeAndNumber(l)
	if r.opt.Blank {
		pdf.TransformEnd()
	}
}

func (r *letterPDF) setColor(c [3]int) { r.pdf.SetTextColor(c[0], c[1], c[2]) }

// heading prints the department and the title of the certificate.
func (r *letterPDF) heading(lang string) {
	pdf := r.pdf
	st := r.opt.Settings
	r.setColor(colorBlue)
	depts := []string{st.DepartmentKK}
	switch lang {
	case "ru":
		depts = []string{st.DepartmentRU}
	case "both":
		depts = append(depts, st.DepartmentRU)
	}
	y := 30.0
	for _, d := range depts {
		size, lines := r.fitSame("I", d, 10.5, 7.5, textWidth)
		y = r.lines(lines, "I", size, "C", y)
	}
	switch lang {
	case "kk":
		r.centered("B", 38, "АЛҒЫС ХАТ", 50)
	case "ru":
		size, _ := r.fitSame("B", "БЛАГОДАРСТВЕННОЕ ПИСЬМО", 27, 16, textWidth)
		r.centered("B", size, "БЛАГОДАРСТВЕННОЕ ПИСЬМО", 52)
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

// fitLine finds the size, from max down to min, at which text fits width
// on one line; at min it wraps instead, so a long name never crosses the
// border.
func (r *letterPDF) fitLine(style, text string, max, min, width float64) (float64, []string) {
	for size := max; size >= min; size -= 0.5 {
		r.m.SetFont(fontSerif, style, size)
		if r.m.GetStringWidth(text) <= width {
			return size, []string{text}
		}
	}
	r.m.SetFont(fontSerif, style, min)
	return min, r.split(text, width)
}

// fitKey is what a fitLine depends on.
type fitKey struct {
	style, text     string
	max, min, width float64
}

// fitted is a fitLine's answer.
type fitted struct {
	size  float64
	lines []string
}

// fitSame is fitLine for the texts every letter of a batch repeats (the
// department, the title, the head's name): measured once a batch.
func (r *letterPDF) fitSame(style, text string, max, min, width float64) (float64, []string) {
	k := fitKey{style, text, max, min, width}
	if f, ok := r.fits[k]; ok {
		return f.size, f.lines
	}
	size, lines := r.fitLine(style, text, max, min, width)
	r.fits[k] = fitted{size, lines}
	return size, lines
}

// keepTogether glues a number's thousands («1 250 000») and «№ 17» with
// no-break spaces, so no line breaks inside them: a space between a digit
// and three more digits becomes one.
func keepTogether(text string) string {
	digit := func(i int) bool { return i >= 0 && i < len(text) && text[i] >= '0' && text[i] <= '9' }
	var b strings.Builder
	b.Grow(len(text) + 16)
	for i := 0; i < len(text); i++ {
		if text[i] == ' ' && digit(i-1) && digit(i+1) && digit(i+2) && digit(i+3) {
			b.WriteString("\u00a0")
			continue
		}
		b.WriteByte(text[i])
	}
	return strings.ReplaceAll(b.String(), "№ ", "№\u00a0")
}

// split breaks text into lines no wider than width in the measuring font, at
// ASCII spaces and newlines only (no-break spaces hold); a word wider than
// the line is cut, so nothing crosses the border. A paragraph's breaks are
// chosen together (evenLines), so a justified paragraph has no short line
// in its middle.
func (r *letterPDF) split(text string, width float64) []string {
	space := r.m.GetStringWidth(" ") // measures in the font the caller set on r.m
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		var words []string
		var widths []float64
		for _, w := range strings.FieldsFunc(para, func(r rune) bool { return r == ' ' || r == '\t' || r == '\r' }) {
			ww := r.m.GetStringWidth(w)
			if ww > width {
				lines = append(lines, evenLines(words, widths, space, width)...)
				lines = append(lines, r.cut(w, width)...)
				words, widths = nil, nil
				continue
			}
			words, widths = append(words, w), append(widths, ww)
		}
		lines = append(lines, evenLines(words, widths, space, width)...)
	}
	return lines
}

// evenLines breaks words (each no wider than width) into the lines that
// leave the least squared room at the ends of all lines but the last, as
// TeX does without hyphens. Filling each line greedily leaves a short line
// wherever a long word comes next («420 000 тенге» held together), and a
// justified paragraph then shows a ragged line in its middle, or a line of
// wide gaps; spread over the lines, the room is hardly seen.
func evenLines(words []string, widths []float64, space, width float64) []string {
	n := len(words)
	if n == 0 {
		return nil
	}
	cost := make([]float64, n+1) // cost[i]: the least cost of words[i:]
	next := make([]int, n+1)     // next[i]: where the first line of words[i:] ends
	for i := n - 1; i >= 0; i-- {
		cost[i] = math.Inf(1)
		lineW := -space
		for j := i; j < n; j++ {
			lineW += space + widths[j]
			if lineW > width && j > i {
				break
			}
			c := 0.0 // the last line may be short
			if j < n-1 {
				c = (width - lineW) * (width - lineW)
			}
			if c+cost[j+1] < cost[i] {
				cost[i], next[i] = c+cost[j+1], j+1
			}
		}
	}
	var lines []string
	for i := 0; i < n; i = next[i] {
		lines = append(lines, strings.Join(words[i:next[i]], " "))
	}
	return lines
}

// cut splits a word too wide for a line into pieces that fit.
func (r *letterPDF) cut(word string, width float64) []string {
	var pieces []string
	runes := []rune(word)
	start := 0
	for i := 1; i <= len(runes); i++ {
		if i-start > 1 && r.m.GetStringWidth(string(runes[start:i])) > width {
			pieces = append(pieces, string(runes[start:i-1]))
			start = i - 1
		}
	}
	return append(pieces, string(runes[start:]))
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

// letterBlocks lays out the letter's paragraphs in its language(s).
func (r *letterPDF) letterBlocks(l Letter) []block {
	var bs []block
	add := func(lang string, bodySize float64) {
		t := l.Text(lang, r.tpl, r.opt.Settings)
		bs = append(bs, block{style: "I", size: bodySize + 2.5, text: t.Salutation, align: "C", gap: 3})
		for _, p := range []string{t.Body, t.Contribution, t.Reach} {
			if p != "" {
				bs = append(bs, block{size: bodySize, text: keepTogether(p), align: "J", gap: 2})
			}
		}
		bs = append(bs, block{style: "I", size: bodySize, text: t.Wishes, align: "C", gap: 2.5})
	}
	switch l.Lang {
	case "both":
		bs = append(bs, block{style: "B", size: 21, text: lingo.LegalForm(l.Sponsor.Name, "kk"), align: "C", fixed: true})
		add("kk", 11.5)
		bs = append(bs, block{divider: true, gap: 3.5})
		add("ru", 11.5)
	default:
		t := l.Text(l.Lang, r.tpl, r.opt.Settings)
		bs = append(bs, block{style: "B", size: 22, text: t.Addressee, align: "C", fixed: true})
		add(l.Lang, 13)
	}
	return bs
}

// variableText prints the addressee and the paragraphs, shrinking the body
// until it fits between varTop and varBottom.
func (r *letterPDF) variableText(l Letter) {
	bs := r.letterBlocks(l)
	var total float64
	for scale := 1.0; ; scale -= 0.05 {
		total = r.measure(bs, scale)
		if total <= varBottom-varTop || scale < 0.55 {
			break
		}
	}
	// Centre short letters a little in the free space.
	y := varTop + min((varBottom-varTop-total)/2.5, 20)
	for _, b := range bs {
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

// measure splits every block at the body scale and returns their height.
func (r *letterPDF) measure(bs []block, scale float64) float64 {
	var total float64
	for i := range bs {
		b := &bs[i]
		total += b.gap
		if b.divider {
			total += 4
			continue
		}
		if b.fixed {
			// The addressee shrinks to one line down to 13 pt, then wraps.
			b.fontSize, b.lines = r.fitLine(b.style, b.text, b.size, 13, textWidth)
		} else {
			b.fontSize = b.size * scale
			r.m.SetFont(fontSerif, b.style, b.fontSize)
			b.lines = r.split(b.text, textWidth)
		}
		total += float64(len(b.lines)) * b.fontSize * ptToMM * lineFactor
	}
	return total
}

// signature prints the head of department's title and name, with the
// signature and stamp images if any.
func (r *letterPDF) signature(lang string) {
	pdf := r.pdf
	st := r.opt.Settings
	titles := []string{st.HeadTitleKK}
	switch lang {
	case "ru":
		titles = []string{st.HeadTitleRU}
	case "both":
		titles = append(titles, st.HeadTitleRU)
	}
	if r.images["stamp"] {
		pdf.ImageOptions("stamp", 70, signY-18, 36, 0, false, gofpdf.ImageOptions{}, 0, "")
	}
	y := signY
	for _, t := range titles {
		pdf.SetFont(fontSerif, "B", 12.5)
		pdf.SetXY(textLeft, y)
		pdf.CellFormat(60, 6, t, "", 0, "L", false, 0, "")
		y += 5.5
	}
	mid := signY + 5.5*float64(len(titles)-1)/2
	if !r.opt.Blank {
		pdf.SetDrawColor(60, 60, 60)
		pdf.SetLineWidth(0.25)
		pdf.Line(101, mid+5, 139, mid+5)
	}
	if r.images["signature"] {
		pdf.ImageOptions("signature", 103, mid-9, 34, 0, false, gofpdf.ImageOptions{}, 0, "")
	}
	size, _ := r.fitSame("B", st.HeadName, 12.5, 9, textLeft+textWidth-142)
	pdf.SetFont(fontSerif, "B", size)
	pdf.SetXY(142, mid)
	pdf.CellFormat(textLeft+textWidth-142, 6, st.HeadName, "", 0, "R", false, 0, "")
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
