package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// countNoun names the placeholder of a translation that holds a number
// with the noun it counts (a noun.* key in the dictionary form), and the
// Russian case the phrase puts them in. Kazakh keeps the noun singular
// and in the nominative after a number: «5 бала алды».
type countNoun struct {
	arg, noun string
	ruCase    lingo.Case
}

// countNouns are the translations where a number meets a noun: the
// number and its noun go in together, so that Russian agrees («2 ребёнка»,
// «5 детей», «21 ребёнку») and no phrase holds a noun in one fixed form.
var countNouns = map[string]countNoun{
	"dash.donations":         {"N", "noun.donation", lingo.Nominative},
	"dist.conflict_dups":     {"N", "noun.child", lingo.Nominative},
	"dist.conflict_short":    {"N", "noun.thing", lingo.Nominative},
	"dist.done":              {"N", "noun.child", lingo.Dative},
	"dist.to_group":          {"N", "noun.child", lingo.Nominative},
	"export.done":            {"N", "noun.row", lingo.Nominative},
	"import.file_info":       {"Rows", "noun.row", lingo.Nominative},
	"letters.done":           {"N", "noun.letter", lingo.Nominative},
	"reports.saved_handover": {"N", "noun.child", lingo.Nominative},
	"sponsor.donation_line":  {"Lines", "noun.row", lingo.Nominative},
}

// tn translates key, whose number n is written with the noun countNouns
// names for it, agreeing in the clerk's language; args hold the rest.
func tn(key string, n int64, args map[string]any) string {
	c := countNouns[key]
	if args == nil {
		args = map[string]any{}
	}
	args[c.arg] = counted(n, c.noun, c.ruCase)
	return lang.L(key, args)
}

// counted writes n and the noun of nounKey agreeing with it: in Russian in
// case c by the plural rules, in Kazakh the singular.
func counted(n int64, nounKey string, c lingo.Case) string {
	noun := lang.L(nounKey)
	if language() == "ru" {
		return lingo.RU.Count(n, noun, c)
	}
	return lingo.Count("kk", n, noun)
}

// unitCount writes n in the item's unit, agreeing in the clerk's language:
// «2 пары», «5 пар», «3 жұп». The Russian forms come from the catalogue;
// a unit typed without them takes the documents' noun table, and a unit
// neither knows is written as typed.
func unitCount(n int64, a data.AidItem) string {
	if language() != "ru" {
		return lingo.Count("kk", n, a.UnitKK)
	}
	few, many := a.UnitRUFew, a.UnitRUMany
	if few == "" || many == "" {
		few, many = ruUnitForms(a.UnitRU)
	}
	form := [...]string{a.UnitRU, few, many}[lingo.RU.Category(n)]
	if form == "" {
		form = a.UnitRU
	}
	return lingo.Number(n) + lingo.NBSP + form
}

// ruUnitForms are the Russian forms after 2 and after 5 of a unit the
// clerk typed, from the documents' noun table («пара» → «пары», «пар»);
// an abbreviation as it is; empty for a unit the table lacks, which is then written as typed.
func ruUnitForms(unit string) (few, many string) {
	if unit = strings.TrimSpace(unit); strings.HasSuffix(unit, ".") || unit == "шт" {
		return unit, unit // an abbreviation does not change: «5 шт.»
	}
	if !lingo.RU.Known(unit) {
		return "", ""
	}
	return lingo.RU.Form(2, unit, lingo.Nominative), lingo.RU.Form(5, unit, lingo.Nominative)
}
