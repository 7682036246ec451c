package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/mektepkezhol/app/data/lingo"
)

// Words of one language that must not stand in a document of the other,
// written down from the documents' vocabulary. Names in «quotes» are
// proper names and are not checked.
var (
	kazakhWords = strings.Fields(`ЖШС ЖК АҚ ЖАҚ ҚБ ҚҚ КМК ММ КММ РМК ШҚ ұжымына ұжымы қаласы қаласының білім бөлімі
		мектеп мектебі мектептегі жалпы беретін қоры қоғамдық бірлестігі қанаты облысының облысы және балалар бала
		балаға теңге жиынтық жинақ дана жұп бірлік демеуші өтініш кәсіподақтар орталығы басқармасы ауданы Құрметті
		Алғыс хат жылғы арнайы әріптестер`)
	russianWords = strings.Fields(`ТОО ИП АО ЗАО ОО ОФ КГП ГУ КГУ РГП КХ Коллективу Уважаемый Уважаемая Уважаемые
		школа школ тенге комплект комплекта комплектов штук штуки набор наборов пара пары пар детей ребёнок
		спонсор спонсоров Общеобразовательная Отдел образования города`)
	quoted = regexp.MustCompile(`«[^«»]*»`)
	// a number split from the rest of it or from its unit at a line's end
	splitNumber = regexp.MustCompile(`\d[ \x{00a0}]*\n[ \x{00a0}]*(\d|₸|теңге|тенге|дана|жиынтық|жинақ|жұп|бірлік|бала|комплект|набор|пар|штук|единиц|ребён|дет)`)
)

// foreignWords returns the words of list that text holds outside quotes.
func foreignWords(text string, list []string) []string {
	text = quoted.ReplaceAllString(text, " ")
	have := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		have[w] = true
	}
	var found []string
	for _, w := range list {
		if have[w] {
			found = append(found, w)
		}
	}
	return found
}

func pdfToText(t *testing.T, path string, layout bool) string {
	t.Helper()
	mode := "-raw" // in the order drawn
	if layout {
		mode = "-layout" // as laid out on the page
	}
	args := []string{mode, "-enc", "UTF-8", path, "-"}
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// TestDemoDocumentsRead prints every demo document in each language and
// reads it back as the head of department would: no word or legal form of
// the other language, no number split across lines, no «..», the
// sponsors in alphabetical order, the letters dated as asked.
func TestDemoDocumentsRead(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	_, listed, _ := cli(t, "--db", db, "letters", "--campaign", "2019", "--unthanked")
	docs := map[string]string{} // name → language
	run := func(name, lang string, args ...string) {
		t.Helper()
		if code, _, stderr := cli(t, append([]string{"--db", db}, args...)...); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		docs[name] = lang
	}
	run("letters-ru.pdf", "ru", "letters", "--campaign", "2019", "--lang", "ru", "--date", "15.10.2019", "--out", filepath.Join(dir, "letters-ru.pdf"))
	run("letters-kk.pdf", "kk", "letters", "--campaign", "2019", "--lang", "kk", "--out", filepath.Join(dir, "letters-kk.pdf"))
	run("letters-both.pdf", "both", "letters", "--campaign", "2019", "--lang", "both", "--out", filepath.Join(dir, "letters-both.pdf"))
	for _, lang := range []string{"kk", "ru"} {
		run("report-"+lang+".pdf", lang, "report", "--campaign", "2019", "--format", "pdf", "--lang", lang, "--date", "01.10.2019",
			"--out", filepath.Join(dir, "report-"+lang+".pdf"))
		run("handover-"+lang+".pdf", lang, "handover", "--campaign", "2019", "--school", "7", "--lang", lang,
			"--out", filepath.Join(dir, "handover-"+lang+".pdf"))
		code, text, stderr := cli(t, "--db", db, "press-release", "--campaign", "2019", "--lang", lang, "--date", "01.10.2019")
		if code != 0 {
			t.Fatalf("press-release: exit %d: %s", code, stderr)
		}
		if err := os.WriteFile(filepath.Join(dir, "press-"+lang+".txt"), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		docs["press-"+lang+".txt"] = lang
	}
	for name, lang := range docs {
		text, layout := "", ""
		if strings.HasSuffix(name, ".txt") {
			b, _ := os.ReadFile(filepath.Join(dir, name))
			text, layout = string(b), string(b)
		} else {
			text, layout = pdfToText(t, filepath.Join(dir, name), false), pdfToText(t, filepath.Join(dir, name), true)
		}
		switch lang {
		case "ru":
			if w := foreignWords(text, kazakhWords); len(w) > 0 {
				t.Errorf("%s: Kazakh words in a Russian document: %v", name, w)
			}
		case "kk":
			if w := foreignWords(text, russianWords); len(w) > 0 {
				t.Errorf("%s: Russian words in a Kazakh document: %v", name, w)
			}
		}
		if strings.Contains(text, "..") {
			t.Errorf("%s holds «..»", name)
		}
		if strings.HasPrefix(name, "letters") {
			if m := splitNumber.FindString(text); m != "" {
				t.Errorf("%s: a number split across lines: %q", name, m)
			}
		}
		if strings.HasPrefix(name, "report") {
			checkSponsorOrder(t, name, lang, layout)
		}
	}
	checkLetterDates(t, pdfToText(t, filepath.Join(dir, "letters-ru.pdf"), false), listed)
}

// checkSponsorOrder reads the report's list of organisations (two columns,
// row by row) and checks it is in the alphabet's order.
func checkSponsorOrder(t *testing.T, name, lang, layout string) {
	t.Helper()
	head := map[string]string{"kk": "Ұйымдар:", "ru": "Организации:"}[lang]
	i := strings.Index(layout, head)
	if i < 0 {
		t.Errorf("%s: no list of organisations", name)
		return
	}
	var names []string
	for _, ln := range strings.Split(layout[i:], "\n")[1:] {
		if strings.TrimSpace(ln) == "" {
			break
		}
		for _, n := range regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(ln), -1) {
			names = append(names, strings.TrimLeft(lingo.StripLegalForm(n), "«\"“ "))
		}
	}
	if len(names) < 2 || !lingo.IsSorted(lang, names) {
		t.Errorf("%s: organisations out of alphabetical order: %q", name, names)
	}
}

// checkLetterDates checks each Russian letter's place line and register
// line name the same day, and that the letters not yet registered carry
// the day asked for (15.10.2019).
func checkLetterDates(t *testing.T, text, unthankedList string) {
	t.Helper()
	place := regexp.MustCompile(`г\. Караганда, (\d+) (\S+) (\d{4}) г\.`)
	reg := regexp.MustCompile(`Рег\. № \d+ от (\d\d)\.(\d\d)\.(\d{4})`)
	months := map[string]string{"сентября": "09", "октября": "10"}
	asked := 0
	for n, page := range strings.Split(strings.TrimRight(text, "\f\n"), "\f") {
		p, r := place.FindStringSubmatch(page), reg.FindStringSubmatch(page)
		if p == nil || r == nil {
			t.Errorf("letter %d: no place line or register line:\n%s", n+1, page)
			continue
		}
		day := p[1]
		if len(day) == 1 {
			day = "0" + day
		}
		if day != r[1] || months[p[2]] != r[2] || p[3] != r[3] {
			t.Errorf("letter %d: place line %q, register line %q", n+1, p[0], r[0])
		}
		if r[0][len(r[0])-10:] == "15.10.2019" {
			asked++
		}
	}
	// the unthanked list has a row per sponsor after its header
	want := strings.Count(strings.TrimSpace(unthankedList), "\n")
	if asked != want {
		t.Errorf("%d letters dated 15.10.2019, want the %d not yet registered", asked, want)
	}
}
