package lingo

import (
	"strings"
	"unicode"
)

// misword is a word (or phrase) the table «One word per concept» of
// shared/domain.md forbids, with the word the office uses instead. stem
// matches the start of a word, so that every case ending is caught;
// next, when set, must start the following word (a phrase); except lists
// words that start with stem but are other words (база → базар).
type misword struct {
	stem, next string
	whole      bool   // stem is the whole word, not its start
	notAfter   string // the word before that makes it another concept
	except     []string
	use        string
}

// glossary holds the «not» column of the table, per language.
var glossary = map[string][]misword{
	"kk": {
		{stem: "науқан", use: "акция"},
		{stem: "кампания", use: "акция"},
		{stem: "үлестір", use: "тарату / беру"},
		{stem: "тапсыру", next: "парағ", use: "беру актісі"},
		{stem: "ведомос", use: "беру актісі"},
		{stem: "база", except: []string{"базар"}, use: "дерекқор"},
		{stem: "табылған", next: "күн", use: "анықталған күні"},
		{stem: "ескерту", use: "ескертпе (ескерту — warning)"},
		{stem: "бланк", next: "баптау", use: "калибрлеу"},
		{stem: "баптау", next: "бет", use: "калибрлеу беті"},
		{stem: "керек", next: "пе", use: "«…жойылсын ба?», «…сақталсын ба?»"},
		{stem: "көмекті", whole: true, notAfter: "заттай", use: "түсім (a sponsor's gift as a record)"},
		{stem: "көмекке", whole: true, notAfter: "заттай", use: "түсім (a sponsor's gift as a record)"},
		{stem: "көмегі", whole: true, notAfter: "заттай", use: "түсім (a sponsor's gift as a record)"},
		{stem: "көмек", next: "түсім", use: "түсім"},
		{stem: "товар", use: "зат"},
		{stem: "позиция", use: "зат"},
	},
	"ru": {
		{stem: "кампани", use: "акция"},
		{stem: "распределени", use: "выдача"},
		{stem: "пожертвовани", use: "поступление"},
		{stem: "ведомост", use: "акт выдачи"},
		{stem: "товар", use: "вещь"},
		{stem: "позици", use: "вещь"},
		{stem: "удалить", next: "помощ", use: "поступление"},
		{stem: "удаление", next: "помощ", use: "поступление"},
		{stem: "эту", next: "помощ", use: "поступление"},
		{stem: "есть", next: "помощ", use: "поступление"},
		{stem: "нужно", next: "ли", use: "«Удалить …?», «Сохранить …?»"},
	},
}

// Misword is a forbidden word found in a text.
type Misword struct {
	Found string // the words as written
	Use   string // what the office says instead
}

// Miswords returns the words of text (in lang, kk or ru) that the table
// «One word per concept» forbids: Miswords("kk", "Науқанның басталуы")
// finds «науқанның» and says «акция». Matching is by word and word start,
// never inside a word: «канцтовары» is not «товар», «Науқас» not «науқан».
func Miswords(lang, text string) []Misword {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
	})
	var out []Misword
	for i, w := range words {
		for _, m := range glossary[langKey(lang)] {
			if !m.matches(w) {
				continue
			}
			if m.notAfter != "" && i > 0 && words[i-1] == m.notAfter {
				continue // «заттай көмекті беру»: in-kind aid, not a record
			}
			found := w
			if m.next != "" {
				if i+1 >= len(words) || !strings.HasPrefix(words[i+1], m.next) {
					continue
				}
				found += " " + words[i+1]
			}
			out = append(out, Misword{Found: found, Use: m.use})
		}
	}
	return out
}

func (m misword) matches(w string) bool {
	if m.whole {
		return w == m.stem
	}
	if !strings.HasPrefix(w, m.stem) {
		return false
	}
	for _, e := range m.except {
		if strings.HasPrefix(w, e) {
			return false
		}
	}
	return true
}

func langKey(lang string) string {
	if isRU(lang) {
		return "ru"
	}
	return "kk"
}
