package lingo

import "strings"

// Case is a grammatical case (or, for Kazakh, a suffix such as the
// possessive or the ordinal).
type Case int

// The cases the documents use.
const (
	Nominative Case = iota
	Genitive
	Dative
	Accusative
	Locative
	Ablative
	Instrumental
	Possessive // Kazakh 3rd person possessive: «4-і», «67-сі»
	Ordinal    // Kazakh ordinal: «1-ші», «6-шы»
)

// PluralCategory is a CLDR plural category.
type PluralCategory int

// The Russian CLDR categories for whole numbers.
const (
	One PluralCategory = iota
	Few
	Many
)

// russian holds the Russian grammar; use RU.
type russian struct{}

// RU is the Russian grammar.
var RU russian

// Category is the CLDR plural category of the whole number n in Russian:
// one for 1, 21, 101; few for 2–4, 22–24; many for 0, 5–20, 25, 111.
func (russian) Category(n int64) PluralCategory {
	if n < 0 {
		n = -n
	}
	switch n10, n100 := n%10, n%100; {
	case n10 == 1 && n100 != 11:
		return One
	case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
		return Few
	}
	return Many
}

// ruNoun holds a noun's forms: nominative one/few/many, and the singular
// and plural of the genitive and dative (after «из», «до», «к» a numeral
// takes the singular only in the category one).
type ruNoun struct {
	one, few, many string
	genSg, genPl   string
	datSg, datPl   string
	feminine       bool
}

// ruNouns are the nouns and units the documents count, by dictionary form.
var ruNouns = map[string]ruNoun{
	"комплект":  {"комплект", "комплекта", "комплектов", "комплекта", "комплектов", "комплекту", "комплектам", false},
	"набор":     {"набор", "набора", "наборов", "набора", "наборов", "набору", "наборам", false},
	"пара":      {"пара", "пары", "пар", "пары", "пар", "паре", "парам", true},
	"штука":     {"штука", "штуки", "штук", "штуки", "штук", "штуке", "штукам", true},
	"единица":   {"единица", "единицы", "единиц", "единицы", "единиц", "единице", "единицам", true},
	"вещь":      {"вещь", "вещи", "вещей", "вещи", "вещей", "вещи", "вещам", true},
	"ребёнок":   {"ребёнок", "ребёнка", "детей", "ребёнка", "детей", "ребёнку", "детям", false},
	"спонсор":   {"спонсор", "спонсора", "спонсоров", "спонсора", "спонсоров", "спонсору", "спонсорам", false},
	"обращение": {"обращение", "обращения", "обращений", "обращения", "обращений", "обращению", "обращениям", false},
	"школа":     {"школа", "школы", "школ", "школы", "школ", "школе", "школам", true},
	"письмо":    {"письмо", "письма", "писем", "письма", "писем", "письму", "письмам", false},
	"тенге":     {"тенге", "тенге", "тенге", "тенге", "тенге", "тенге", "тенге", false},
	"класс":     {"класс", "класса", "классов", "класса", "классов", "классу", "классам", false},
	"категория": {"категория", "категории", "категорий", "категории", "категорий", "категории", "категориям", true},
	"строка":    {"строка", "строки", "строк", "строки", "строк", "строке", "строкам", true},
	"поступление": {"поступление", "поступления", "поступлений", "поступления", "поступлений", "поступлению",
		"поступлениям", false},
	"выдача":      {"выдача", "выдачи", "выдач", "выдачи", "выдач", "выдаче", "выдачам", true},
	"мероприятие": {"мероприятие", "мероприятия", "мероприятий", "мероприятия", "мероприятий", "мероприятию", "мероприятиям", false},
	"человек":     {"человек", "человека", "человек", "человека", "человек", "человеку", "людям", false},
	"семья":       {"семья", "семьи", "семей", "семьи", "семей", "семье", "семьям", true},
	"учащийся":    {"учащийся", "учащихся", "учащихся", "учащегося", "учащихся", "учащемуся", "учащимся", false},
	"год":         {"год", "года", "лет", "года", "лет", "году", "годам", false},
	"день":        {"день", "дня", "дней", "дня", "дней", "дню", "дням", false},
	"страница":    {"страница", "страницы", "страниц", "страницы", "страниц", "странице", "страницам", true},
}

// ruAbbrev are unit abbreviations and other spellings, by the noun they stand for.
var ruAbbrev = map[string]string{"шт.": "штука", "шт": "штука", "ед.": "единица", "компл.": "комплект",
	"ребенок": "ребёнок", "дети": "ребёнок", "тг": "тенге", "₸": "тенге"}

func ruLookup(noun string) (ruNoun, bool) {
	key := strings.ToLower(strings.TrimSpace(noun))
	if full, ok := ruAbbrev[key]; ok {
		key = full
	}
	w, ok := ruNouns[key]
	return w, ok
}

// Known tells whether the table holds noun (or its abbreviation).
func (russian) Known(noun string) bool { _, ok := ruLookup(noun); return ok }

// Form is the form of noun agreeing with the number n in case c
// (Nominative, Genitive or Dative; other cases read as Nominative):
// Form(5, "комплект", Nominative) = «комплектов», Form(21, "единица",
// Genitive) = «единицы», Form(4, "ребёнок", Dative) = «детям».
func (r russian) Form(n int64, noun string, c Case) string {
	w, ok := ruLookup(noun)
	if !ok {
		return noun
	}
	cat := r.Category(n)
	switch c {
	case Genitive:
		if cat == One {
			return w.genSg
		}
		return w.genPl
	case Dative:
		if cat == One {
			return w.datSg
		}
		return w.datPl
	}
	return [...]string{w.one, w.few, w.many}[cat]
}

// Count writes n and noun agreeing in case c, joined by a non-breaking
// space: Count(150, "единица", Genitive) = «150 единиц».
func (r russian) Count(n int64, noun string, c Case) string {
	return Number(n) + NBSP + r.Form(n, noun, c)
}

// Past is the short passive participle or past verb agreeing with the
// numeral n as a subject: Past(1, "вручена", "вручены", "вручено")
// picks «вручена» for one (feminine noun given), «вручены» for few and
// «вручено» for many.
func (r russian) Past(n int64, one, few, many string) string {
	return [...]string{one, few, many}[r.Category(n)]
}

// Feminine tells whether noun is of the feminine gender (for the verb
// that agrees with «1 …»).
func (russian) Feminine(noun string) bool { w, _ := ruLookup(noun); return w.feminine }
