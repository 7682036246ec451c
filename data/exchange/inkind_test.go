package exchange

import (
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// Gifts as accountants write them; the expected lines read by hand.
func TestParseGift(t *testing.T) {
	type line struct {
		name string
		qty  int64
		unit string
	}
	tests := []struct {
		text string
		want []line
	}{
		{"рюкзак 25 дана", []line{{"рюкзак", 25, "дана"}}},
		{"аяқ киім 20 жұп", []line{{"аяқ киім", 20, "жұп"}}},
		{"канцтовары – 40 наборов", []line{{"канцтовары", 40, "наборов"}}},
		{"мектеп формасы 15 жиынтық; рюкзак 10", []line{{"мектеп формасы", 15, "жиынтық"}, {"рюкзак", 10, ""}}},
		{"азық-түлік себеті 20 дана", []line{{"азық-түлік себеті", 20, "дана"}}},
		{"рюкзаки 30 шт., спортивная форма 10 комплектов", []line{{"рюкзаки", 30, "шт"}, {"спортивная форма", 10, "комплектов"}}},
		{"25шт. рюкзак", []line{{"рюкзак", 25, "шт"}}},
		{"тетради: 1 000 дана", []line{{"тетради", 1000, "дана"}}},
		{"Канцтовары (ручки, тетради) – 40 наборов", []line{{"Канцтовары (ручки, тетради)", 40, "наборов"}}},
		{"обувь x 12", []line{{"обувь", 12, ""}}},
		{"рюкзак\n5 дана", []line{{"рюкзак", 0, ""}, {"", 5, "дана"}}},
		{"тетради", []line{{"тетради", 0, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			parts := splitGift(tt.text)
			if len(parts) != len(tt.want) {
				t.Fatalf("%q: %d parts %q, want %d", tt.text, len(parts), parts, len(tt.want))
			}
			for i, p := range parts {
				g := parseGiftLine(p)
				if got := (line{g.name, g.qty, g.unit}); got != tt.want[i] {
					t.Fatalf("%q part %d: %+v, want %+v", tt.text, i, got, tt.want[i])
				}
			}
		})
	}
}

// The seed catalogue's items found by the names people give them, kk and
// ru, singular and plural; what is in no name is none of them.
func TestCatalogueMatch(t *testing.T) {
	c := newCatalogue([]data.AidItem{
		{ID: 1, NameKK: "Мектеп формасы", NameRU: "Школьная форма"},
		{ID: 2, NameKK: "Спорт формасы", NameRU: "Спортивная форма"},
		{ID: 3, NameKK: "Кеңсе тауарлары жинағы", NameRU: "Набор канцтоваров"},
		{ID: 4, NameKK: "Рюкзак", NameRU: "Рюкзак"},
		{ID: 5, NameKK: "Аяқ киім", NameRU: "Обувь"},
		{ID: 6, NameKK: "Сырт киім", NameRU: "Верхняя одежда"},
	})
	for name, want := range map[string]int64{
		"рюкзак": 4, "рюкзаки": 4, "рюкзактар": 4, "Рюкзак школьный": 4,
		"мектеп формасы": 1, "школьные формы": 1, "школьная форма": 1, "спортивная форма": 2, "спорт формасы": 2,
		"канцтовары": 3, "кеңсе тауарлары": 3, "наборы канцтоваров": 3,
		"аяқ киім": 5, "обувь": 5, "обуви": 5, "сырт киім": 6, "верхняя одежда": 6,
		"форма": 0, "киім": 0, "азық-түлік себеті": 0, "тетради": 0, "": 0,
	} {
		got, ok := c.match(name)
		if (want == 0 && ok) || (want != 0 && (!ok || got.ID != want)) {
			t.Errorf("match(%q) = %d, %v; want %d", name, got.ID, ok, want)
		}
	}
}

func FuzzParseGift(f *testing.F) {
	for _, s := range []string{"рюкзак 25 дана", "канцтовары – 40 наборов", "мектеп формасы 15 жиынтық; рюкзак 10",
		"x1 000 000 000 000", "((;,", "1,5 кг"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range splitGift(s) {
			g := parseGiftLine(p)
			if g.qty < 0 || strings.ContainsAny(g.name, ";\n") {
				t.Fatalf("%q: %+v", p, g)
			}
		}
	})
}

// A value that does not divide by the units is kept per unit, rounded,
// and the clerk is told what is saved.
func TestGiftValueRounded(t *testing.T) {
	sh := &Sheet{Header: []string{"Спонсор", "Вещами", "Стоимость вещей"}}
	p := &rowParser{sh: sh, kind: Sponsors, m: Mapping{"name": 0, "in_kind": 1, "in_kind_value": 2}, lang: "ru",
		items: newCatalogue([]data.AidItem{{ID: 4, NameKK: "Рюкзак", NameRU: "Рюкзак"}})}
	r := Row{Number: 5, Cells: []string{"Ильин Олег", "рюкзак 3 шт", "100 000"}}
	rc := &rowCheck{p: p, r: r}
	lines, ok := p.gift(r, r.Cells[1], rc)
	if !ok || !p.giftValue(r.Cells[2], lines, rc) {
		t.Fatalf("problems %+v", rc.probs)
	}
	if lines[0].UnitValueTenge != 33333 || len(rc.probs) != 1 || !rc.probs[0].Warning ||
		!strings.Contains(rc.probs[0].Message, "всего 99 999 ₸") || rc.probs[0].Column != "C («Стоимость вещей»)" {
		t.Fatalf("lines %+v, problems %+v", lines, rc.probs)
	}
}
