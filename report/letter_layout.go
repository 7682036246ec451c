package report

import (
	"math"
	"strings"

	"github.com/jung-kurt/gofpdf"
	"github.com/mektepkezhol/app/data/lingo"
)

// layout measures a letter's text and breaks it into lines; it never draws.
// A batch lays its letters out on one core, with a measurer of its own,
// while the other core draws the pages laid out before: the layout was a
// third of a batch's time.
type layout struct {
	m    *gofpdf.Fpdf // measures text; never gets a page
	opt  LetterOptions
	tpl  LetterTemplate
	fits map[fitKey]fitted // fitSame's answers
}

func newLayout(opt LetterOptions) *layout {
	r := &layout{m: newMeasurer(), opt: opt, tpl: opt.Template, fits: map[fitKey]fitted{}}
	r.tpl.fillDefaults()
	return r
}

// laidOut is a letter laid out: what page draws.
type laidOut struct {
	blocks []block // the addressee and the paragraphs, split into lines
	total  float64 // their height, mm
	depts  []fitted
	title  float64 // the size of the Russian title (ru only)
	head   float64 // the size of the head of department's name
}

// layOut lays out letter l: the variable text shrunk, by steps, until it
// fits between varTop and varBottom, and the lines every letter repeats
// (measured once a batch).
func (r *layout) layOut(l Letter) laidOut {
	t := laidOut{blocks: r.letterBlocks(l)}
	for scale := 1.0; ; scale -= 0.05 {
		t.total = r.measure(t.blocks, scale)
		if t.total <= varBottom-varTop || scale < 0.55 {
			break
		}
	}
	st := r.opt.Settings
	if !r.opt.Blank {
		depts := []string{st.DepartmentKK}
		switch l.Lang {
		case "ru":
			depts = []string{st.DepartmentRU}
			t.title, _ = r.fitSame("B", "БЛАГОДАРСТВЕННОЕ ПИСЬМО", 27, 16, textWidth)
		case "both":
			depts = append(depts, st.DepartmentRU)
		}
		for _, d := range depts {
			size, lines := r.fitSame("I", d, 10.5, 7.5, textWidth)
			t.depts = append(t.depts, fitted{size, lines})
		}
	}
	t.head, _ = r.fitSame("B", st.HeadName, 12.5, 9, textLeft+textWidth-142)
	return t
}

// fitLine finds the size, from max down to min, at which text fits width
// on one line; at min it wraps instead, so a long name never crosses the
// border.
func (r *layout) fitLine(style, text string, max, min, width float64) (float64, []string) {
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
func (r *layout) fitSame(style, text string, max, min, width float64) (float64, []string) {
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
func (r *layout) split(text string, width float64) []string {
	space := r.m.GetStringWidth(" ") // measures in the font the caller set on r.m
	var lines []string
	// a paragraph's words and their widths, in buffers the paragraphs
	// share: grown by append, they were a twentieth of the layout's time
	n := strings.Count(text, " ") + 1
	words, widths := make([]string, 0, n), make([]float64, 0, n)
	for _, para := range strings.Split(text, "\n") {
		words, widths = words[:0], widths[:0]
		for _, w := range strings.FieldsFunc(para, func(r rune) bool { return r == ' ' || r == '\t' || r == '\r' }) {
			ww := r.m.GetStringWidth(w)
			if ww > width {
				lines = append(lines, evenLines(words, widths, space, width)...)
				lines = append(lines, r.cut(w, width)...)
				words, widths = words[:0], widths[:0]
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
func (r *layout) cut(word string, width float64) []string {
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

// letterBlocks lays out the letter's paragraphs in its language(s).
func (r *layout) letterBlocks(l Letter) []block {
	var bs []block
	add := func(t LetterText, bodySize float64) {
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
		add(l.Text("kk", r.tpl, r.opt.Settings), 11.5)
		bs = append(bs, block{divider: true, gap: 3.5})
		add(l.Text("ru", r.tpl, r.opt.Settings), 11.5)
	default:
		t := l.Text(l.Lang, r.tpl, r.opt.Settings)
		bs = append(bs, block{style: "B", size: 22, text: t.Addressee, align: "C", fixed: true})
		add(t, 13)
	}
	return bs
}

// measure splits every block at the body scale and returns their height.
func (r *layout) measure(bs []block, scale float64) float64 {
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
