package lingo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CityCouncil names the city's council (mäslikhat) by its official name:
// CityCouncil("Қарағанды", "kk") = «Қарағанды қалалық мәслихаты»,
// CityCouncil("Караганда", "ru") = «маслихат города Караганды».
func CityCouncil(city, lang string) string {
	if isRU(lang) {
		return "маслихат города " + ruGenitive(city)
	}
	return city + " қалалық мәслихаты"
}

// CityLine is the place line of a document: «Қарағанды қ.», «г. Караганда».
func CityLine(city, lang string) string {
	if isRU(lang) {
		return "г." + NBSP + city
	}
	return city + NBSP + "қ."
}

// OfficeOf puts an office's name into the genitive, for «the letters of
// …»: in Kazakh the last word takes the suffix («…білім бөлімі» →
// «…білім бөлімінің»); in Russian the head noun, the first word, does
// («Отдел образования города Караганды» → «отдела образования города
// Караганды»), lowered, since it stands inside a sentence.
func OfficeOf(name, lang string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	if !isRU(lang) {
		i := strings.LastIndex(name, " ")
		return name[:i+1] + KK.Inflect(name[i+1:], Genitive)
	}
	head, rest, _ := strings.Cut(name, " ")
	if rest != "" {
		rest = " " + rest
	}
	return lowerFirst(ruGenitive(head)) + rest
}

// ruGenitive declines one Russian noun of the first or second declension
// into the genitive singular: Караганда → Караганды, Шахтинск →
// Шахтинска, Управление → Управления. Words ending in о, е, у, ю, и, ы
// after a consonant (Темиртау, Алматы, Бишкек's «Тараз» aside) are the
// indeclinable borrowings a city name mostly is and stay as they are;
// a several-word name is left whole.
func ruGenitive(w string) string {
	if w == "" || strings.ContainsAny(w, " -") {
		return w
	}
	last, size := utf8.DecodeLastRuneInString(w)
	stem := w[:len(w)-size]
	prev, _ := utf8.DecodeLastRuneInString(stem)
	switch {
	case strings.HasSuffix(w, "ие"):
		return strings.TrimSuffix(w, "е") + "я"
	case last == 'а' && strings.ContainsRune("гкхжшщч", prev):
		return stem + "и"
	case last == 'а':
		return stem + "ы"
	case last == 'я':
		return stem + "и"
	case last == 'й':
		return stem + "я"
	case last == 'ь':
		return stem + "я"
	case strings.ContainsRune("оеуюиыэё", last):
		return w
	}
	return w + "а"
}

func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}
