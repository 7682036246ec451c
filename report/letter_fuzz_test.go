package report

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzLetterLayout feeds arbitrary sponsor names and bodies to the letter's
// line breaking: every line fits the width (a lone glyph excepted) and no
// character of the text is lost or invented.
func FuzzLetterLayout(f *testing.F) {
	seeds := []string{
		"«Сарыарқа Құрылыс» ЖШС ұжымына",
		"Қарағанды облысы білім басқармасының Қарағанды қаласы білім бөлімі «Мектепке жол» акциясына",
		"ӘҒҚҢӨҰҮҺІәғқңөұүһі 1 250 000 теңге № 17",
		strings.Repeat("Ұзынсөзбөлінбейтін", 12),
		"a\nb\n\n  c\t d",
		"",
	}
	for _, s := range seeds {
		f.Add(s, 60.0)
	}
	f.Add("Ш", 0.5)
	r := newLayout(LetterOptions{})
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width < 1 || width > 400 || len(text) > 2000 {
			t.Skip()
		}
		size, lines := r.fitLine("B", keepTogether(text), 26, 14, width)
		if size < 14 || size > 26 {
			t.Fatalf("size %v outside 14–26", size)
		}
		r.m.SetFont(fontSerif, "B", size)
		for _, l := range lines {
			if w := r.m.GetStringWidth(l); w > width+0.01 && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("line %q is %.2f mm wide, the width is %.2f", l, w, width)
			}
		}
		squash := func(s string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return r
			}, s)
		}
		if got, want := squash(strings.Join(lines, "")), squash(text); got != want {
			t.Fatalf("text changed by the layout:\n got %q\nwant %q", got, want)
		}
	})
}
