package ui

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// pluralCounts are the numbers every counted phrase is rendered with: one,
// few and many, the teens that are many, and the twenties that are one and
// few again.
var pluralCounts = []int64{1, 2, 5, 11, 21, 22}

// ruForms are the Russian forms of each counted noun after 1, 2, 5, 11, 21
// and 22, written from the grammar (one: 1, 21; few: 2, 22; many: 5, 11).
var ruForms = map[string]map[lingo.Case][6]string{
	"noun.child": {
		lingo.Nominative: {"ребёнок", "ребёнка", "детей", "детей", "ребёнок", "ребёнка"},
		lingo.Dative:     {"ребёнку", "детям", "детям", "детям", "ребёнку", "детям"},
	},
	"noun.donation": {lingo.Nominative: {"поступление", "поступления", "поступлений", "поступлений", "поступление", "поступления"}},
	"noun.letter":   {lingo.Nominative: {"письмо", "письма", "писем", "писем", "письмо", "письма"}},
	"noun.row":      {lingo.Nominative: {"строка", "строки", "строк", "строк", "строка", "строки"}},
	"noun.thing":    {lingo.Nominative: {"вещь", "вещи", "вещей", "вещей", "вещь", "вещи"}},
}

// kkNouns are the Kazakh nouns, which stay singular after any number.
var kkNouns = map[string]string{"noun.child": "бала", "noun.donation": "түсім", "noun.letter": "алғыс хат",
	"noun.row": "жол", "noun.thing": "зат"}

// TestCountedPhrases renders every phrase where a number meets a noun with
// 1, 2, 5, 11, 21 and 22 in both languages: the Russian noun agrees by the
// plural rules, the Kazakh one stays singular.
func TestCountedPhrases(t *testing.T) {
	t.Cleanup(func() { setLanguage("kk") })
	for _, lng := range []string{"ru", "kk"} {
		setLanguage(lng)
		for key, c := range countNouns {
			for i, n := range pluralCounts {
				want := kkNouns[c.noun]
				if lng == "ru" {
					forms, ok := ruForms[c.noun][c.ruCase]
					if !ok {
						t.Fatalf("%s: no forms written for %s in case %d", key, c.noun, c.ruCase)
					}
					want = forms[i]
				}
				got := tn(key, n, map[string]any{"Names": "Әлиев Ә.", "Act": 7, "Path": "a.pdf", "File": "f.xlsx",
					"Header": 1, "Date": "01.09.2019", "Money": "0 ₸", "Value": "0 ₸", "New": 1, "Reprinted": 0,
					"Where": "папка"})
				phrase := fmt.Sprintf("%d%s%s", n, lingo.NBSP, want)
				// the whole word: «5 строк» must not pass for «5 строка»
				if !regexp.MustCompile(`(^|\D)` + regexp.QuoteMeta(phrase) + `($|[^\p{L}])`).MatchString(got) {
					t.Errorf("%s %s n=%d: %q, want %q", lng, key, n, got, phrase)
				}
			}
		}
	}
}

// TestUnitCounts renders stock lines with the clerk's units: the forms of
// the catalogue, the noun table's for a unit typed without them, an
// abbreviation unchanged.
func TestUnitCounts(t *testing.T) {
	t.Cleanup(func() { setLanguage("kk") })
	setLanguage("ru")
	pair := data.AidItem{UnitKK: "жұп", UnitRU: "пара"} // forms from the noun table
	pack := data.AidItem{UnitKK: "қорап", UnitRU: "упаковка", UnitRUFew: "упаковки", UnitRUMany: "упаковок"}
	pcs := data.AidItem{UnitKK: "дана", UnitRU: "шт."}
	for _, tc := range []struct {
		a    data.AidItem
		want [6]string
	}{
		{pair, [6]string{"пара", "пары", "пар", "пар", "пара", "пары"}},
		{pack, [6]string{"упаковка", "упаковки", "упаковок", "упаковок", "упаковка", "упаковки"}},
		{pcs, [6]string{"шт.", "шт.", "шт.", "шт.", "шт.", "шт."}},
	} {
		for i, n := range pluralCounts {
			l := data.StockLine{Item: tc.a, Donated: n}
			line := unitCount(l.Left(), l.Item)
			if want := fmt.Sprintf("%d%s%s", n, lingo.NBSP, tc.want[i]); line != want {
				t.Errorf("unitCount(%d, %s) = %q, want %q", n, tc.a.UnitRU, line, want)
			}
		}
	}
	setLanguage("kk")
	if got, want := unitCount(22, pair), "22"+lingo.NBSP+"жұп"; got != want {
		t.Errorf("kk unitCount(22) = %q, want %q", got, want)
	}
}

// numberBeforeNoun is a Russian phrase putting a number placeholder before
// a word: «{{.N}} детей», the noun then fixed in one form. A number after
// «№» is a label, a preposition after it starts another phrase, and an
// abbreviation in capitals («КБ», «МБ») does not decline.
var numberBeforeNoun = regexp.MustCompile(`(^|[^№])\{\{\.(N|Rows|Left|In|Out|Lines|Quantity|Shown|New|Reprinted|Placed|Wanted|Issued|Count)\}\}[ \x{00a0}]+([а-яё][а-яёА-ЯЁ]*)`)

// prepositions start a phrase of their own after a number («× 5 от …»).
var prepositions = map[string]bool{"от": true, "и": true, "в": true, "из": true, "на": true, "по": true, "до": true, "с": true}

// TestNoNumberBeforeFixedNoun checks that no Russian phrase writes a noun
// of its own after a number, and that the counted phrases are used only
// through tn, which writes the number and its noun together.
func TestNoNumberBeforeFixedNoun(t *testing.T) {
	// «{{.N}} класс» is the grade («5 класс», the fifth): an ordinal, not a count.
	allowed := map[string]bool{"grade.n": true}
	for key, v := range loadTranslation(t, "ru") {
		s, ok := v.(string)
		if !ok || allowed[key] {
			continue
		}
		for _, m := range numberBeforeNoun.FindAllStringSubmatch(s, -1) {
			if !prepositions[m[3]] {
				t.Errorf("ru %s = %q: a number before the fixed noun %q; count it through tn", key, s, m[3])
			}
		}
	}
	direct := keysIn(t, ".", regexp.MustCompile(`lang\.L\("([a-z_.]+)"`))
	viaTN := keysIn(t, ".", regexp.MustCompile(`tn\("([a-z_.]+)"`))
	for key := range countNouns {
		if direct[key] {
			t.Errorf("%s is translated with lang.L: its number needs tn", key)
		}
		if !viaTN[key] {
			t.Errorf("%s is not used through tn", key)
		}
	}
}

// TestItemFormUnitForms saves a new unit: forms left empty come from the
// noun table, forms typed by the clerk are kept, and the items table
// shows the number with the unit that agrees.
func TestItemFormUnitForms(t *testing.T) {
	u, st := newTestUI(t)
	u.show(scrItems, nil)
	s := u.screens[scrItems].(*itemsScreen)
	save := func(code, unitRU, few, many string) data.AidItem {
		t.Helper()
		s.edit(data.AidItem{})
		test.Type(s.code, code)
		test.Type(s.nameKK, "Шұлық")
		test.Type(s.unitKK, "жұп")
		test.Type(s.unitRU, unitRU)
		test.Type(s.unitRUFew, few)
		test.Type(s.unitRUMany, many)
		s.onSaveTapped()
		items, err := st.FindAidItems(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range items {
			if a.Code == code {
				return a
			}
		}
		t.Fatalf("item %s not saved", code)
		return data.AidItem{}
	}
	if a := save("socks", "пара", "", ""); a.UnitRUFew != "пары" || a.UnitRUMany != "пар" {
		t.Fatalf("forms of «пара» = %q, %q, want пары, пар", a.UnitRUFew, a.UnitRUMany)
	}
	if a := save("boxes", "коробка", "коробки", "коробок"); a.UnitRUFew != "коробки" || a.UnitRUMany != "коробок" {
		t.Fatalf("typed forms = %q, %q, want коробки, коробок", a.UnitRUFew, a.UnitRUMany)
	}
}
