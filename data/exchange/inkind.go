package exchange

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"github.com/mektepkezhol/app/data"
)

// giftLine is one item of an in-kind gift as the list writes it:
// «рюкзак 25 дана», «канцтовары – 40 наборов».
type giftLine struct {
	text string // the part of the cell, as written
	name string // the item's words, without quantity and unit
	unit string // the unit word, as written; "" when none
	qty  int64  // 0 when the part has no quantity
}

// splitGift cuts an in-kind cell into its items: «;», line breaks, and
// «,» outside parentheses and not between digits.
func splitGift(s string) []string {
	var parts []string
	depth, start := 0, 0
	rs := []rune(s)
	for i, r := range rs {
		cut := false
		switch r {
		case '(':
			depth++
		case ')':
			depth = max(depth-1, 0)
		case ';', '\n', '\r':
			cut = true
		case ',':
			digits := i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])
			cut = depth == 0 && !digits
		}
		if cut {
			parts = append(parts, string(rs[start:i]))
			start = i + 1
		}
	}
	parts = append(parts, string(rs[start:]))
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// giftUnits are the unit words written after a quantity.
var giftUnits = map[string]bool{"дана": true, "данасы": true, "шт": true, "штук": true, "штука": true, "штуки": true,
	"жұп": true, "жұбы": true, "пар": true, "пара": true, "пары": true, "жиынтық": true, "жиынтығы": true,
	"комплект": true, "комплекта": true, "комплектов": true, "компл": true, "набор": true, "набора": true,
	"наборов": true, "жинақ": true, "жинағы": true, "қорап": true, "коробка": true, "коробки": true,
	"коробок": true, "пачка": true, "пачки": true, "пачек": true, "кг": true, "орам": true, "ед": true, "единиц": true}

// parseGiftLine reads one item: the first number is its quantity, a unit
// word right after it is dropped from the name, as are dashes, colons and
// «x»: «мектеп формасы 15 жиынтық», «25 шт. рюкзак», «тетради: 100».
func parseGiftLine(part string) giftLine {
	g := giftLine{text: part}
	words := strings.Fields(strings.NewReplacer("–", " ", "—", " ", ":", " ", "×", " ", "=", " ").Replace(part))
	var name []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		digits, rest := leadingDigits(strings.TrimLeft(w, "xXхХ"))
		if digits == "" || g.qty != 0 {
			if k := headerKey(w); k != "" && k != "x" && k != "х" {
				name = append(name, w)
			}
			continue
		}
		// «1 000 дана»: a group of three digits goes on the number.
		for rest == "" && i+1 < len(words) && len(words[i+1]) == 3 && strings.Trim(words[i+1], "0123456789") == "" {
			digits, i = digits+words[i+1], i+1
		}
		g.qty, _ = strconv.ParseInt(digits, 10, 64)
		unit := headerKey(rest)
		if unit == "" && i+1 < len(words) {
			if next := headerKey(words[i+1]); giftUnits[next] {
				unit = next
				i++
			}
		}
		if giftUnits[unit] {
			g.unit = unit
		} else if unit != "" {
			name = append(name, rest)
		}
	}
	g.name = strings.Trim(strings.Join(name, " "), " -,.")
	return g
}

func leadingDigits(w string) (string, string) {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i > 9 {
		return "", w
	}
	return w[:i], w[i:]
}

// wordStem cuts the common Kazakh and Russian endings off a folded word,
// twice (тауарлары → тауарлар → тауар), keeping three letters at least:
// рюкзак, рюкзаки and рюкзактар are one stem.
func wordStem(w string) string {
	rs := []rune(w)
	for range 2 {
		cut := false
		for _, suf := range stemEndings {
			n := len([]rune(suf))
			if len(rs)-n >= 3 && strings.HasSuffix(string(rs), suf) {
				rs, cut = rs[:len(rs)-n], true
				break
			}
		}
		if !cut {
			break
		}
	}
	return string(rs)
}

// stemEndings, longest first within each length class so the first hit
// is the longest.
var stemEndings = []string{"ларды", "лерді", "лары", "лері", "дары", "дері", "тары", "тері", "ами", "ями", "ого",
	"его", "ому", "ему", "лар", "лер", "дар", "дер", "тар", "тер", "сы", "сі", "ых", "их", "ая", "яя", "ое", "ее",
	"ые", "ие", "ой", "ей", "ов", "ев", "ам", "ям", "ах", "ях", "ом", "ем", "ы", "і", "а", "я", "и", "о", "е",
	"у", "ю", "ь"}

// nameStems are the stems of a name's words.
func nameStems(s string) []string {
	words := strings.Fields(headerKey(s))
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = wordStem(w)
	}
	return out
}

// catalogue finds the catalogue's items by their kk and ru names.
type catalogue struct {
	items []data.AidItem
	names [][2][]string // the stems of each item's kk and ru names
}

func newCatalogue(items []data.AidItem) *catalogue {
	c := &catalogue{}
	for _, it := range items {
		c.add(it)
	}
	return c
}

func (c *catalogue) add(it data.AidItem) {
	c.items = append(c.items, it)
	c.names = append(c.names, [2][]string{nameStems(it.NameKK), nameStems(it.NameRU)})
}

// match returns the item a gift's name means: the one whose kk or ru name
// has the largest share of its words in the name (half at least), a tie
// meaning none («форма» is school or sports uniform).
func (c *catalogue) match(name string) (data.AidItem, bool) {
	if c == nil {
		return data.AidItem{}, false
	}
	words := nameStems(name)
	best, bestScore, tie := -1, 0.0, false
	for i, ns := range c.names {
		for _, n := range ns {
			score := share(words, n)
			switch {
			case score > bestScore:
				best, bestScore, tie = i, score, false
			case score == bestScore && score > 0 && best != i:
				tie = true
			}
		}
	}
	if best < 0 || bestScore < 0.5 || tie {
		return data.AidItem{}, false
	}
	return c.items[best], true
}

// share is the part of name's words found in words.
func share(words, name []string) float64 {
	if len(name) == 0 {
		return 0
	}
	n := 0
	for _, w := range name {
		for _, x := range words {
			if w == x {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(name))
}

// newGiftItem makes the catalogue item a gift's name adds (--add-items):
// the name as written, the unit as written or «дана», a code from the
// name's stems so the same item of another row is the same one.
func newGiftItem(g giftLine) data.AidItem {
	name := strings.Join(strings.Fields(g.name), " ")
	if rs := []rune(name); len(rs) > 0 {
		name = string(unicode.ToUpper(rs[0])) + string(rs[1:])
	}
	unit := g.unit
	if unit == "" {
		unit = "дана"
	}
	sum := sha256.Sum256([]byte(strings.Join(nameStems(g.name), " ")))
	return data.AidItem{Code: "import_" + hex.EncodeToString(sum[:6]), NameKK: name, NameRU: name, UnitKK: unit, UnitRU: unit}
}
