package lingo

import (
	"strings"
	"unicode/utf8"
)

// Gender of a person, as far as the name or the IIN tells.
type Gender int

// Genders.
const (
	Unknown Gender = iota
	Male
	Female
)

// Person is a full name split into its parts.
type Person struct {
	Surname, First, Patronymic string
}

var (
	malePatronymic   = []string{"ұлы", "улы", "uly", "ович", "евич", "ич", "оглы", "оғлы"}
	femalePatronymic = []string{"қызы", "кызы", "qyzy", "овна", "евна", "ична", "инична"}
)

func patronymicGender(word string) Gender {
	w := strings.ToLower(word)
	for _, e := range femalePatronymic {
		if strings.HasSuffix(w, e) {
			return Female
		}
	}
	for _, e := range malePatronymic {
		if strings.HasSuffix(w, e) {
			return Male
		}
	}
	return Unknown
}

// ParsePerson splits a full name. The office writes the surname first
// («Ахметов Бекзат Серікұлы»); a patronymic is found by its ending
// wherever it stands («Бекзат Серікұлы Ахметов»). Quotes and the ЖК/ИП
// form around an entrepreneur's name are dropped.
func ParsePerson(full string) Person {
	full = StripLegalForm(full)
	full = strings.NewReplacer("«", " ", "»", " ", `"`, " ", "“", " ", "”", " ").Replace(full)
	w := strings.Fields(full)
	for i := 1; i < len(w); i++ {
		if patronymicGender(w[i]) != Unknown {
			p := Person{First: w[i-1], Patronymic: w[i]}
			rest := append(append([]string{}, w[:i-1]...), w[i+1:]...)
			p.Surname = strings.Join(rest, " ")
			return p
		}
	}
	switch len(w) {
	case 0:
		return Person{}
	case 1:
		return Person{Surname: w[0]}
	}
	return Person{Surname: w[0], First: strings.Join(w[1:], " ")}
}

// GenderOf tells a person's gender from the IIN's 7th digit (odd male,
// even female) when the IIN has one, else from the patronymic's ending.
func GenderOf(p Person, iin string) Gender {
	if len(iin) == 12 && iin[6] >= '1' && iin[6] <= '6' && strings.Trim(iin, "0123456789") == "" {
		if (iin[6]-'0')%2 == 1 {
			return Male
		}
		return Female
	}
	return patronymicGender(p.Patronymic)
}

// toRussian spells a Kazakh name in Russian letters: Серік → Серик,
// Әлімжан → Алимжан.
var toRussian = strings.NewReplacer("ә", "а", "Ә", "А", "ғ", "г", "Ғ", "Г", "қ", "к", "Қ", "К", "ң", "н", "Ң", "Н",
	"ө", "о", "Ө", "О", "ұ", "у", "Ұ", "У", "ү", "у", "Ү", "У", "һ", "х", "Һ", "Х", "і", "и", "І", "И")

// russianPatronymic writes a Kazakh patronymic in the Russian way:
// Серікұлы → Серикович, Серікқызы → Сериковна; others stay.
func russianPatronymic(p string) string {
	stem, male := "", true
	for _, e := range []string{"ұлы", "улы"} {
		if strings.HasSuffix(p, e) {
			stem = strings.TrimSuffix(p, e)
		}
	}
	for _, e := range []string{"қызы", "кызы"} {
		if strings.HasSuffix(p, e) {
			stem, male = strings.TrimSuffix(p, e), false
		}
	}
	if stem == "" {
		return toRussian.Replace(p)
	}
	stem = toRussian.Replace(stem)
	end := "ович"
	last, size := utf8.DecodeLastRuneInString(stem)
	switch {
	case last == 'й' || last == 'ь':
		stem, end = stem[:len(stem)-size], "евич"
	case strings.ContainsRune("аеиоуыэюя", last):
		end = "евич"
	case strings.ContainsRune("жшчщц", last):
		end = "евич"
	}
	if !male {
		end = strings.TrimSuffix(end, "ич") + "на"
	}
	return stem + end
}

// Address is how a letter names the person in its greeting: first name
// and patronymic («Бекзат Серікұлы»; in Russian «Бекзат Серикович»), or
// the first name and surname when there is no patronymic.
func Address(p Person, lang string) string {
	first, patr, sur := p.First, p.Patronymic, p.Surname
	if isRU(lang) {
		first, patr, sur = toRussian.Replace(first), russianPatronymic(patr), toRussian.Replace(sur)
	}
	switch {
	case first == "":
		return sur
	case patr == "":
		return strings.TrimSpace(first + " " + sur)
	}
	return first + " " + patr
}

// Salutation greets one person: «Құрметті Бекзат Серікұлы!» (Kazakh has
// no gender), «Уважаемый Бекзат Серикович!», «Уважаемая Айгүл …!», and
// «Уважаемый(ая) …!» when the gender is unknown.
func Salutation(full, iin, lang string) string {
	p := ParsePerson(full)
	who := Address(p, lang)
	if !isRU(lang) {
		return "Құрметті " + who + "!"
	}
	switch GenderOf(p, iin) {
	case Male:
		return "Уважаемый " + who + "!"
	case Female:
		return "Уважаемая " + who + "!"
	}
	return "Уважаемый(ая) " + who + "!"
}

// CollectiveSalutation greets a collective, in the plural.
func CollectiveSalutation(lang string) string {
	if isRU(lang) {
		return "Уважаемые коллеги!"
	}
	return "Құрметті әріптестер!"
}

// CollectiveHeading names an organisation's collective as a letter's
// heading, with the legal form in lang: «"Нұр" ЖШС ұжымына»,
// «Коллективу ТОО «Нұр»».
func CollectiveHeading(name, lang string) string {
	name = LegalForm(name, lang)
	if isRU(lang) {
		return "Коллективу " + name
	}
	return name + " ұжымына"
}
