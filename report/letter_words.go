package report

import (
	"strings"

	"github.com/mektepkezhol/app/data/lingo"
)

var (
	kkOnes = []string{"", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"}
	kkTens = []string{"", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"}
	// every power of a thousand an int64 reaches, so that any amount has words
	kkBig = []string{"", "мың", "миллион", "миллиард", "триллион", "квадриллион", "квинтиллион"}

	ruOnesM = []string{"", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"}
	ruOnesF = []string{"", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"}
	ruTeens = []string{"десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать",
		"шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"}
	ruTens     = []string{"", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"}
	ruHundreds = []string{"", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"}
	// ruBig holds the one/few/many forms of each power of a thousand.
	ruBig = [][3]string{{}, {"тысяча", "тысячи", "тысяч"}, {"миллион", "миллиона", "миллионов"},
		{"миллиард", "миллиарда", "миллиардов"}, {"триллион", "триллиона", "триллионов"},
		{"квадриллион", "квадриллиона", "квадриллионов"}, {"квинтиллион", "квинтиллиона", "квинтиллионов"}}
)

// groups splits n ≥ 0 into thousands, lowest first.
func groups(n int64) []int {
	var g []int
	for n > 0 {
		g = append(g, int(n%1000))
		n /= 1000
	}
	return g
}

// WordsKK writes a non-negative whole number in Kazakh words:
// 150000 → «жүз елу мың».
func WordsKK(n int64) string {
	if n <= 0 {
		return "нөл"
	}
	g := groups(n)
	var words []string
	for i := len(g) - 1; i >= 0; i-- {
		h := g[i]
		if h == 0 {
			continue
		}
		if h/100 > 0 {
			if h/100 > 1 {
				words = append(words, kkOnes[h/100])
			}
			words = append(words, "жүз")
		}
		if t := kkTens[h/10%10]; t != "" {
			words = append(words, t)
		}
		if o := h % 10; o > 0 {
			words = append(words, kkOnes[o])
		}
		if i > 0 {
			words = append(words, kkBig[i])
		}
	}
	return strings.Join(words, " ")
}

// WordsRU writes a non-negative whole number in Russian words:
// 150000 → «сто пятьдесят тысяч».
func WordsRU(n int64) string {
	if n <= 0 {
		return "ноль"
	}
	g := groups(n)
	var words []string
	for i := len(g) - 1; i >= 0; i-- {
		h := g[i]
		if h == 0 {
			continue
		}
		if w := ruHundreds[h/100]; w != "" {
			words = append(words, w)
		}
		switch t := h % 100; {
		case t >= 10 && t < 20:
			words = append(words, ruTeens[t-10])
		default:
			if w := ruTens[t/10]; w != "" {
				words = append(words, w)
			}
			ones := ruOnesM
			if i == 1 { // тысяча is feminine
				ones = ruOnesF
			}
			if w := ones[t%10]; w != "" {
				words = append(words, w)
			}
		}
		if i > 0 {
			words = append(words, PluralRU(int64(h), ruBig[i][0], ruBig[i][1], ruBig[i][2]))
		}
	}
	return strings.Join(words, " ")
}

// PluralRU picks the Russian form for n by its CLDR category (see
// lingo.RU): 1 школа, 2 школы, 5 школ.
func PluralRU(n int64, one, few, many string) string {
	return [...]string{one, few, many}[lingo.RU.Category(n)]
}

// PluralRUGenitive picks the genitive form after «до» / «из»: до 1 ребёнка,
// до 5 детей; из 1 школы, из 3 школ.
func PluralRUGenitive(n int64, one, other string) string {
	if lingo.RU.Category(n) == lingo.One {
		return one
	}
	return other
}
