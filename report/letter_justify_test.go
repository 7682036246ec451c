package report_test

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// The letter's text column, in points (report/letter_page.go: 33 mm from
// either edge of an A4 page), and where its variable text ends.
const (
	mmToPt       = 72 / 25.4
	columnLeft   = 33 * mmToPt
	columnRight  = (210 - 33) * mmToPt
	variableLast = 228 * mmToPt
)

var (
	bboxLine = regexp.MustCompile(`(?s)<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</line>`)
	bboxWord = regexp.MustCompile(`<word [^>]*>([^<]*)</word>`)
)

// TestJustifiedLinesReachTheMargin prints letters in kk, ru and both and
// reads where every line of their text begins and ends (pdftotext
// -bbox-layout): a line that starts at the left edge of the column and
// stops short of the right one must end its paragraph. The Russian body at
// 13 pt had such a line in its middle («…выражает Вам искреннюю»), left
// ragged because it filled only 78 % of the column.
func TestJustifiedLinesReachTheMargin(t *testing.T) {
	sponsors := []data.Sponsor{
		{Kind: data.SponsorLegal, Name: "«Aspan Строй» ЖШС", BIN: "123456789012", HeadName: "Смағұлов Ерлан Маратұлы"},
		{Kind: data.SponsorIndividual, Name: "Әлиев Ғалым Серікұлы"},
		{Kind: data.SponsorIE, Name: "ЖК «Ахметов Бекзат»"},
	}
	var letters []report.Letter
	for _, lang := range []string{"kk", "ru", "both"} {
		for _, sp := range sponsors {
			letters = append(letters, letter(len(letters)+1, lang, sp))
		}
	}
	path := writePDF(t, letters, report.LetterOptions{Settings: settings()})
	out := tool(t, "pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-")
	checked := 0
	for _, m := range bboxLine.FindAllStringSubmatch(out, -1) {
		xMin, _ := strconv.ParseFloat(m[1], 64)
		yMin, _ := strconv.ParseFloat(m[2], 64)
		xMax, _ := strconv.ParseFloat(m[3], 64)
		var words []string
		for _, w := range bboxWord.FindAllStringSubmatch(m[4], -1) {
			words = append(words, html.UnescapeString(w[1]))
		}
		if len(words) < 2 || yMin > variableLast || xMin > columnLeft+1 {
			continue // a single word, the signature and place lines, a centred line
		}
		checked++
		last := words[len(words)-1]
		if xMax < columnRight-1 && !strings.HasSuffix(last, ".") && !strings.HasSuffix(last, "!") {
			t.Errorf("a line stops %.0f pt short of the margin inside its paragraph: %q", columnRight-xMax, strings.Join(words, " "))
		}
	}
	if checked < 3*len(letters) {
		t.Fatalf("only %d lines of text read in %d letters", checked, len(letters))
	}
}
