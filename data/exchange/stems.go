package exchange

import "strings"

// stem is a word beginning that points to a field: 3 names it on its own
// («сумм…», «заттай»), 2 nearly («атау…»), 1 only helps another word
// («кол-во» beside «натуральной»).
type stem struct {
	prefix string
	weight int
}

func stems(weight int, prefixes ...string) []stem {
	out := make([]stem, len(prefixes))
	for i, p := range prefixes {
		out[i] = stem{p, weight}
	}
	return out
}

func join(groups ...[]stem) []stem {
	var out []stem
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// sponsorStems are the accountant's words for each column, kk and ru, as
// they begin whatever their ending: сома/сомасы/сумма/суммасы,
// заттай/вещевая/натуральной, күні/дата.
var sponsorStems = map[string][]stem{
	"name": join(stems(2, "наименов", "атау", "спонсор", "демеуш", "организац", "ұйым", "жертвовател",
		"благотворител", "фио", "меценат"), stems(1, "аты", "жөн", "компан", "фамил")),
	// «…на русском», «орысша»: the name in Russian, outweighing «наименование»
	"name_ru":        join(stems(3, "русск", "рус", "орысш", "орыс"), stems(2, "наименов", "атау", "назван")),
	"bin":            join(stems(3, "бин", "бсн", "bin"), stems(2, "иин", "жсн", "iin")),
	"kind":           join(stems(3, "организационн", "опф", "нысан"), stems(2, "правов", "құқық", "ұйымдық"), stems(1, "вид", "түрі", "тип")),
	"head_name":      join(stems(3, "руковод", "басшы", "директор", "бірінші")),
	"head_title":     stems(3, "должност", "лауазым"),
	"contact_person": join(stems(2, "контакт", "байланыс"), stems(1, "тұлға", "лиц")),
	"phone":          join(stems(3, "телефон", "тел", "моб", "ұялы", "сотов"), stems(1, "байланыс", "контакт")),
	"email":          stems(3, "email", "mail", "почт", "пошта"),
	"address":        stems(3, "адрес", "мекенжай"),
	"notes":          stems(3, "примечан", "ескертпе", "ескерту", "комментар"),
	"amount": join(stems(3, "сумм", "сома", "ақша", "қаржы", "денеж", "деньг"), stems(2, "қаражат", "взнос", "ақшалай"),
		stems(1, "перечисл", "оплат", "төлем", "пожертвован", "средств")),
	"date": join(stems(3, "дата", "күн"), stems(2, "числ"), stems(1, "мерзім")),
	"in_kind": join(stems(3, "затт", "вещ", "натурал"), stems(2, "товар", "тауар", "гуманитар"),
		stems(1, "кол", "количеств", "саны", "помощ", "көмек")),
	"in_kind_value": join(stems(3, "стоимост", "құн", "бағал", "оценк"), stems(2, "справедлив", "цен", "баға"),
		stems(1, "затт", "вещ", "натурал", "товар", "тауар")),
}

// unitWords are folded out of headers: currencies, units, numbering.
var unitWords = map[string]bool{"теңге": true, "тенге": true, "тг": true, "т": true, "kzt": true, "сом": true,
	"₸": true, "руб": true, "п": true, "№": true, "шт": true, "дана": true, "в": true, "и": true, "және": true}

// foldHeader folds a header as people write it: case, punctuation, line
// breaks and parentheses (headerKey), then currency and unit words, «№ п/п»
// and numbering: «Сумма (тенге)» → «сумма», «2. Сомасы, ₸» → «сомасы».
func foldHeader(h string) string {
	words := strings.Fields(headerKey(strings.ReplaceAll(h, "₸", " ")))
	out := words[:0]
	for _, w := range words {
		if unitWords[w] || strings.Trim(w, "0123456789") == "" {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// matchSponsorHeader finds the field a sponsors' header names: an exact
// synonym of the folded header outright (1000 + its length), else the
// field whose stems score best (at least 2, a third of the words or more
// being its stems), a synonym the header starts with adding 2; the score
// is 100 + 10 per point.
func matchSponsorHeader(fields []Field, header string) (string, int) {
	h := foldHeader(header)
	if h == "" {
		return "", 0
	}
	raw, money := headerKey(header), namesCurrency(header)
	for _, f := range fields {
		if money && f.Code == "in_kind" {
			continue
		}
		for _, syn := range f.Synonyms {
			if h == syn || raw == syn {
				return f.Code, len(syn) + 1000
			}
		}
	}
	words := strings.Fields(h)
	best, bestScore := "", 0
	for _, f := range fields {
		score, hits := 0, 0
		for _, w := range words {
			if n := stemWeight(f.Stems, w); n > 0 {
				score, hits = score+n, hits+1
			}
		}
		// «…, тг» counts tenge: money or the goods' value, not the goods.
		switch {
		case !money:
		case f.Code == "amount" || f.Code == "in_kind_value":
			score, hits = score+2, hits+1
		case f.Code == "in_kind":
			score -= 5
		}
		// A title row («"Мектепке жол" акциясының демеушілер тізімі») has
		// one of its many words in common with a field: it names none.
		if 3*hits < len(words) {
			continue
		}
		for _, syn := range f.Synonyms {
			if strings.HasPrefix(h, syn+" ") {
				score += 2
				break
			}
		}
		if score > bestScore {
			best, bestScore = f.Code, score
		}
	}
	if bestScore < 2 {
		return "", 0
	}
	return best, 100 + 10*bestScore
}

// namesCurrency tells a header that counts in tenge: «Көмек, ₸».
func namesCurrency(header string) bool {
	for _, w := range strings.Fields(headerKey(strings.ReplaceAll(header, "₸", " ₸ "))) {
		switch w {
		case "теңге", "тенге", "тг", "kzt", "₸", "теңгемен", "сом":
			return true
		}
	}
	return strings.Contains(header, "₸")
}

// stemWeight is the weight of the heaviest stem w begins with.
func stemWeight(ss []stem, w string) int {
	n := 0
	for _, s := range ss {
		if s.weight > n && strings.HasPrefix(w, s.prefix) {
			n = s.weight
		}
	}
	return n
}
