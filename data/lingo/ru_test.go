package lingo_test

import (
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data/lingo"
)

// goldenNumbers are the numbers every noun is checked with.
var goldenNumbers = []int64{0, 1, 2, 3, 4, 5, 11, 12, 14, 15, 21, 22, 25, 100, 101, 111, 1058, 2117}

// ruGolden holds, for each noun, its form after each of goldenNumbers,
// written out by hand from the grammar (1, 21, 101: singular nominative;
// 2–4, 22: genitive singular; 0, 5–20, 25, 100, 111, 1058, 2117:
// genitive plural).
var ruGolden = map[string]string{
	"комплект":    "комплектов комплект комплекта комплекта комплекта комплектов комплектов комплектов комплектов комплектов комплект комплекта комплектов комплектов комплект комплектов комплектов комплектов",
	"набор":       "наборов набор набора набора набора наборов наборов наборов наборов наборов набор набора наборов наборов набор наборов наборов наборов",
	"пара":        "пар пара пары пары пары пар пар пар пар пар пара пары пар пар пара пар пар пар",
	"штука":       "штук штука штуки штуки штуки штук штук штук штук штук штука штуки штук штук штука штук штук штук",
	"шт.":         "штук штука штуки штуки штуки штук штук штук штук штук штука штуки штук штук штука штук штук штук",
	"единица":     "единиц единица единицы единицы единицы единиц единиц единиц единиц единиц единица единицы единиц единиц единица единиц единиц единиц",
	"ребёнок":     "детей ребёнок ребёнка ребёнка ребёнка детей детей детей детей детей ребёнок ребёнка детей детей ребёнок детей детей детей",
	"спонсор":     "спонсоров спонсор спонсора спонсора спонсора спонсоров спонсоров спонсоров спонсоров спонсоров спонсор спонсора спонсоров спонсоров спонсор спонсоров спонсоров спонсоров",
	"обращение":   "обращений обращение обращения обращения обращения обращений обращений обращений обращений обращений обращение обращения обращений обращений обращение обращений обращений обращений",
	"школа":       "школ школа школы школы школы школ школ школ школ школ школа школы школ школ школа школ школ школ",
	"письмо":      "писем письмо письма письма письма писем писем писем писем писем письмо письма писем писем письмо писем писем писем",
	"тенге":       "тенге тенге тенге тенге тенге тенге тенге тенге тенге тенге тенге тенге тенге тенге тенге тенге тенге тенге",
	"вещь":        "вещей вещь вещи вещи вещи вещей вещей вещей вещей вещей вещь вещи вещей вещей вещь вещей вещей вещей",
	"поступление": "поступлений поступление поступления поступления поступления поступлений поступлений поступлений поступлений поступлений поступление поступления поступлений поступлений поступление поступлений поступлений поступлений",
	"человек":     "человек человек человека человека человека человек человек человек человек человек человек человека человек человек человек человек человек человек",
}

// ruGoldenNumber writes the numbers as the documents print them.
var ruGoldenNumber = []string{"0", "1", "2", "3", "4", "5", "11", "12", "14", "15", "21", "22", "25", "100", "101", "111", "1 058", "2 117"}

func TestCountRussian(t *testing.T) {
	cases := 0
	for noun, forms := range ruGolden {
		want := strings.Fields(forms)
		if len(want) != len(goldenNumbers) {
			t.Fatalf("%s: %d forms for %d numbers", noun, len(want), len(goldenNumbers))
		}
		for i, n := range goldenNumbers {
			got := strings.ReplaceAll(lingo.Count("ru", n, noun), lingo.NBSP, " ")
			if w := ruGoldenNumber[i] + " " + want[i]; got != w {
				t.Errorf("Count(ru, %d, %s) = %q, want %q", n, noun, got, w)
			}
			cases++
		}
	}
	if cases < 150 {
		t.Fatalf("only %d golden cases", cases)
	}
}

func TestRussianCases(t *testing.T) {
	tests := []struct {
		n    int64
		noun string
		c    lingo.Case
		want string
	}{
		{150, "единица", lingo.Genitive, "150 единиц"}, // из переданных Вами 150 единиц
		{1, "единица", lingo.Genitive, "1 единицы"},
		{21, "единица", lingo.Genitive, "21 единицы"},
		{11, "единица", lingo.Genitive, "11 единиц"},
		{3, "единица", lingo.Genitive, "3 единиц"},
		{1, "ребёнок", lingo.Genitive, "1 ребёнка"},
		{2, "ребёнок", lingo.Genitive, "2 детей"},
		{4, "ребёнок", lingo.Dative, "4 детям"},
		{1, "ребёнок", lingo.Dative, "1 ребёнку"},
		{21, "ребёнок", lingo.Dative, "21 ребёнку"},
		{111, "ребёнок", lingo.Dative, "111 детям"},
		{1, "школа", lingo.Genitive, "1 школы"},
		{7, "школа", lingo.Genitive, "7 школ"},
		{101, "спонсор", lingo.Dative, "101 спонсору"},
		{110, "спонсор", lingo.Dative, "110 спонсорам"},
		{1000, "тенге", lingo.Genitive, "1 000 тенге"},
		{5, "неизвестное", lingo.Nominative, "5 неизвестное"},
	}
	for _, tt := range tests {
		got := strings.ReplaceAll(lingo.RU.Count(tt.n, tt.noun, tt.c), lingo.NBSP, " ")
		if got != tt.want {
			t.Errorf("RU.Count(%d, %s, %d) = %q, want %q", tt.n, tt.noun, tt.c, got, tt.want)
		}
	}
}

func TestRussianCategory(t *testing.T) {
	want := map[int64]lingo.PluralCategory{0: lingo.Many, 1: lingo.One, 2: lingo.Few, 4: lingo.Few, 5: lingo.Many,
		11: lingo.Many, 12: lingo.Many, 14: lingo.Many, 21: lingo.One, 22: lingo.Few, 101: lingo.One, 111: lingo.Many,
		112: lingo.Many, 122: lingo.Few, 1001: lingo.One, 1011: lingo.Many}
	for n, w := range want {
		if got := lingo.RU.Category(n); got != w {
			t.Errorf("Category(%d) = %d, want %d", n, got, w)
		}
	}
	if got := lingo.RU.Past(1, "вручена", "вручены", "вручено"); got != "вручена" {
		t.Errorf("Past(1) = %q", got)
	}
	if got := lingo.RU.Past(4, "вручена", "вручены", "вручено"); got != "вручены" {
		t.Errorf("Past(4) = %q", got)
	}
	if got := lingo.RU.Past(12, "вручена", "вручены", "вручено"); got != "вручено" {
		t.Errorf("Past(12) = %q", got)
	}
}

func TestNumberIsUnbreakable(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1058: "1\u00a0058", 1280000: "1\u00a0280\u00a0000", -2117: "-2\u00a0117"} {
		if got := lingo.Number(n); got != want {
			t.Errorf("Number(%d) = %q, want %q", n, got, want)
		}
	}
	if got, want := lingo.Tenge(420000), "420\u00a0000\u00a0₸"; got != want {
		t.Errorf("Tenge = %q, want %q", got, want)
	}
}
