package lingo

import (
	"strings"
	"unicode/utf8"
)

// kazakh holds the Kazakh grammar; use KK.
type kazakh struct{}

// KK is the Kazakh grammar.
var KK kazakh

var (
	kkOnes = [...]string{"", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"}
	kkTens = [...]string{"", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"}
	kkBig  = [...]string{"мың", "миллион", "миллиард", "триллион"}
)

// lastWordKK is the last word of n read aloud in Kazakh: the word a
// suffix on «n-» agrees with (167 → «жеті», 1 000 → «мың»).
func lastWordKK(n int64) string {
	if n < 0 {
		n = -n
	}
	switch {
	case n == 0:
		return "нөл"
	case n%10 != 0:
		return kkOnes[n%10]
	case n%100 != 0:
		return kkTens[n%100/10]
	case n%1000 != 0:
		return "жүз"
	}
	for i := 0; i < len(kkBig); i++ {
		n /= 1000
		if n%1000 != 0 || i == len(kkBig)-1 {
			return kkBig[i]
		}
	}
	return "мың"
}

// sound classes of a word's last letter, as Kazakh suffixes see them.
type sound int

const (
	vowel     sound = iota
	sonorant        // р л й у и: «елуге», «елудің», «елуі»
	nasal           // м н ң
	voiced          // ж з
	voiceless       // к қ п с т ш ф х ц ч щ һ, and б в г д devoiced at the end
)

func lastSound(word string) sound {
	r, _ := utf8.DecodeLastRuneInString(strings.ToLower(word))
	switch {
	case strings.ContainsRune("аәеёоөұүыіэюя", r):
		return vowel
	case strings.ContainsRune("рлйуи", r):
		return sonorant
	case strings.ContainsRune("мнң", r):
		return nasal
	case strings.ContainsRune("жз", r):
		return voiced
	}
	return voiceless
}

// back tells whether word's last vowel is a back one (а о ұ ы я ё):
// the suffix then takes а/ы; after a front vowel, е/і. и and у take
// the vowel before them.
func back(word string) bool {
	w := []rune(strings.ToLower(word))
	for i := len(w) - 1; i >= 0; i-- {
		switch {
		case strings.ContainsRune("аоұыяё", w[i]):
			return true
		case strings.ContainsRune("әеөүіэю", w[i]):
			return false
		}
	}
	return true
}

// suffixFor is the suffix of case c for a word ending in word.
func suffixFor(word string, c Case) string {
	s, b := lastSound(word), back(word)
	pick := func(backForm, frontForm string) string {
		if b {
			return backForm
		}
		return frontForm
	}
	switch c {
	case Genitive:
		switch s {
		case vowel, nasal:
			return pick("ның", "нің")
		case voiceless:
			return pick("тың", "тің")
		}
		return pick("дың", "дің")
	case Dative:
		if s == voiceless {
			return pick("қа", "ке")
		}
		return pick("ға", "ге")
	case Accusative:
		switch s {
		case vowel:
			return pick("ны", "ні")
		case voiceless:
			return pick("ты", "ті")
		}
		return pick("ды", "ді")
	case Locative:
		if s == voiceless {
			return pick("та", "те")
		}
		return pick("да", "де")
	case Ablative:
		switch s {
		case nasal:
			return pick("нан", "нен")
		case voiceless:
			return pick("тан", "тен")
		}
		return pick("дан", "ден")
	case Instrumental:
		switch s {
		case voiced:
			return "бен"
		case voiceless:
			return "пен"
		}
		return "мен"
	case Possessive:
		if s == vowel {
			return pick("сы", "сі")
		}
		return pick("ы", "і")
	case Ordinal:
		if s == vowel {
			return pick("ншы", "нші")
		}
		return pick("ыншы", "інші")
	}
	return ""
}

// Suffix is the suffix of case c that the whole number n takes, by the
// last sound and vowel of its last word read aloud: Suffix(167, Dative) =
// «ге» (жеті), Suffix(39, Possessive) = «ы» (тоғыз), Suffix(67,
// Possessive) = «сі», Suffix(6, Ordinal) = «шы». Nominative has none.
func (kazakh) Suffix(n int64, c Case) string {
	if c == Ordinal { // written «1-ші», «6-шы», «10-шы»: the office's short form
		if back(lastWordKK(n)) {
			return "шы"
		}
		return "ші"
	}
	return suffixFor(lastWordKK(n), c)
}

// Numeral writes n in digits with its suffix after a hyphen: «167-ге»,
// «39-ы», «1 058-і»; in the nominative, n alone.
func (k kazakh) Numeral(n int64, c Case) string {
	if s := k.Suffix(n, c); s != "" {
		return Number(n) + "-" + s
	}
	return Number(n)
}

// Percent writes a percentage with its suffix: Percent("19", Dative) =
// «19 %-ға» (пайыз), joined by a non-breaking space.
func (kazakh) Percent(value string, c Case) string {
	p := Unbreak(value) + NBSP + "%"
	if s := suffixFor("пайыз", c); s != "" {
		return p + "-" + s
	}
	return p
}

// Decimal writes a decimal numeral such as «8,6» with its suffix, which
// agrees with the fraction read last («сегіз бүтін оннан алты»).
func (k kazakh) Decimal(value string, c Case) string {
	digits := value
	if i := strings.LastIndexAny(value, ",."); i >= 0 {
		digits = value[i+1:]
	}
	var n int64
	for _, r := range digits {
		if r >= '0' && r <= '9' {
			n = n*10 + int64(r-'0')
		}
	}
	if s := suffixFor(lastWordKK(n), c); s != "" {
		return Unbreak(value) + "-" + s
	}
	return Unbreak(value)
}

// voicing softens a final к, қ, п before a suffix starting with a vowel:
// мектеп → мектебі, жинақ → жинағы, бірлік → бірлігі.
var voicing = map[rune]rune{'к': 'г', 'қ': 'ғ', 'п': 'б'}

// Inflect adds the suffix of case c to a Kazakh word: Inflect("бала",
// Dative) = «балаға», Inflect("мектеп", Dative) = «мектепке»,
// Inflect("бірлік", Genitive) = «бірліктің», Inflect("мектеп",
// Possessive) = «мектебі».
func (kazakh) Inflect(word string, c Case) string {
	s := suffixFor(word, c)
	if s == "" {
		return word
	}
	if first, _ := utf8.DecodeRuneInString(s); strings.ContainsRune("аеыі", first) {
		last, size := utf8.DecodeLastRuneInString(word)
		if v, ok := voicing[last]; ok && utf8.RuneCountInString(word) > 2 {
			word = word[:len(word)-size] + string(v)
		}
	}
	return word + s
}

// Count writes n and a Kazakh noun in case c: the noun stays singular and
// takes the suffix, the number none: Count(4, "бала", Dative) = «4 балаға».
func (k kazakh) Count(n int64, noun string, c Case) string {
	return Number(n) + NBSP + k.Inflect(noun, c)
}
