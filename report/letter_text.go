package report

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// Letter is one Алғыс хат to print: the register entry, the sponsor and,
// optionally, what its gift was and achieved.
type Letter struct {
	Number   int    // registry number
	Lang     string // kk, ru or both
	IssuedOn time.Time
	Campaign data.Campaign
	Sponsor  data.Sponsor
	Gift     data.GiftTrace // zero: the letter names no contribution
}

// LetterText is the wording of one letter in one language, placeholders
// filled in: what the preview shows and the PDF prints.
type LetterText struct {
	Addressee    string // the sponsor: a person's full name or «"Нұр" ЖШС ұжымына»
	Salutation   string // «Құрметті Асқар Рауанұлы!»
	Body         string
	Contribution string // may be empty
	Reach        string // may be empty
	Wishes       string
}

var placeholderRE = regexp.MustCompile(`\{\{\s*([a-z_]+)\s*\}\}`)

var knownPlaceholders = map[string]bool{"sponsor": true, "campaign": true, "year": true, "contribution": true,
	"reach": true, "department": true, "city": true, "number": true, "date": true}

// unknownPlaceholder returns the first placeholder of text that the
// letters do not know, or "".
func unknownPlaceholder(text string) string {
	for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
		if !knownPlaceholders[m[1]] {
			return m[0]
		}
	}
	return ""
}

// Expand fills the {{…}} placeholders of text; unknown ones stay as they are.
func Expand(text string, values map[string]string) string {
	return placeholderRE.ReplaceAllStringFunc(text, func(m string) string {
		if v, ok := values[placeholderRE.FindStringSubmatch(m)[1]]; ok {
			return v
		}
		return m
	})
}

// campaignTitle drops the year the campaign's name may end with:
// «Мектепке жол – 2019» → «Мектепке жол».
func campaignTitle(name string) string {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexAny(name, "–-"); i > 0 {
		tail := strings.TrimSpace(name[i+len(string([]rune(name[i:])[0])):])
		if len(tail) == 4 && strings.Trim(tail, "0123456789") == "" {
			return strings.TrimSpace(name[:i])
		}
	}
	return name
}

// Text returns the letter's wording in lang (kk or ru) under template t and
// the office's settings.
func (l Letter) Text(lang string, t LetterTemplate, st data.Settings) LetterText {
	t.fillDefaults()
	var lt LetterText
	var plural bool
	lt.Addressee, lt.Salutation, plural = addressee(l.Sponsor, lang)
	if t.ShowContribution {
		lt.Contribution = contribution(l.Gift, lang)
	}
	if t.ShowReach {
		lt.Reach = reach(l.Gift, lang, plural)
	}
	values := map[string]string{
		"sponsor":      lingo.LegalForm(l.Sponsor.NameIn(lang), lang),
		"campaign":     campaignTitle(l.Campaign.Name(lang)),
		"year":         fmt.Sprint(l.Campaign.Year),
		"contribution": lt.Contribution,
		"reach":        lt.Reach,
		"department":   st.DepartmentKK,
		"city":         st.CityKK,
		"number":       fmt.Sprint(l.Number),
		"date":         LongDate(l.IssuedOn, lang),
	}
	body, wishes := t.BodyKK, t.WishesKK
	if lang == "ru" {
		body, wishes = t.BodyRU, t.WishesRU
		values["department"], values["city"] = st.DepartmentRU, st.CityRU
	}
	if plural {
		body, wishes = collective(body), collective(wishes)
	}
	// A template that places {{contribution}} or {{reach}} itself does not
	// get them again as their own sentences.
	if strings.Contains(body+wishes, "{{contribution}}") {
		lt.Contribution = ""
	}
	if strings.Contains(body+wishes, "{{reach}}") {
		lt.Reach = ""
	}
	lt.Body, lt.Wishes = Expand(body, values), Expand(wishes, values)
	return lt
}

// addressee words whom the letter thanks, with the legal form in lang: a
// person or an entrepreneur greeted by first name and patronymic; an
// organisation with a named head by its name in the heading and the head
// in the greeting; one without, as a collective in the plural throughout.
// plural tells the body and wishes to speak to a collective.
func addressee(sp data.Sponsor, lang string) (name, salutation string, plural bool) {
	full := sp.NameIn(lang)
	switch {
	case sp.Kind == data.SponsorIndividual:
		return full, lingo.Salutation(sp.Name, sp.BIN, lang), false
	case sp.Kind == data.SponsorIE:
		return lingo.LegalForm(full, lang), lingo.Salutation(sp.Name, sp.BIN, lang), false
	case strings.TrimSpace(sp.HeadName) == "":
		return lingo.CollectiveHeading(full, lang), lingo.CollectiveSalutation(lang), true
	}
	return lingo.LegalForm(full, lang), lingo.Salutation(sp.HeadName, "", lang), false
}

// contribution words what was given: «рюкзак — 30 дана; 150 000 теңге
// (жүз елу мың теңге)», «рюкзак — 30 штук».
func contribution(g data.GiftTrace, lang string) string {
	var parts []string
	for _, it := range g.Items {
		parts = append(parts, fmt.Sprintf("%s — %s", strings.ToLower(it.Item.Name(lang)),
			lingo.Count(lang, it.Quantity, it.Item.Unit(lang))))
	}
	if g.MoneyTenge > 0 {
		if lang == "ru" {
			parts = append(parts, fmt.Sprintf("%s (%s тенге)", lingo.Count(lang, g.MoneyTenge, "тенге"), WordsRU(g.MoneyTenge)))
		} else {
			parts = append(parts, fmt.Sprintf("%s (%s теңге)", lingo.Count(lang, g.MoneyTenge, "теңге"), WordsKK(g.MoneyTenge)))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	if lang == "ru" {
		return "Ваш вклад: " + strings.Join(parts, "; ") + "."
	}
	return "Сіздің үлесіңіз: " + strings.Join(parts, "; ") + "."
}

// reach words what the goods achieved, true to the figures: all of them
// («Сіз берген 85 бірлік заттай көмек 37 мектептегі 85 балаға
// табысталды») or a part («Сіз берген 150 бірліктің 4-і …», «Из переданных
// Вами 150 единиц 4 уже вручены …»); nothing when no child has any yet.
func reach(g data.GiftTrace, lang string, plural bool) string {
	if g.ItemsDelivered == 0 || g.Children == 0 {
		return ""
	}
	given := max(g.ItemsGiven, g.ItemsDelivered)
	if lang == "ru" {
		var s string
		if g.ItemsDelivered >= given {
			s = fmt.Sprintf("Переданная Вами вещевая помощь (%s) вручена %s", lingo.Count(lang, given, "единица"),
				lingo.RU.Count(int64(g.Children), "ребёнок", lingo.Dative))
		} else {
			s = fmt.Sprintf("Из переданных Вами %s %s уже %s %s", lingo.RU.Count(given, "единица", lingo.Genitive),
				lingo.Number(g.ItemsDelivered), lingo.RU.Past(g.ItemsDelivered, "вручена", "вручены", "вручено"),
				lingo.RU.Count(int64(g.Children), "ребёнок", lingo.Dative))
		}
		if g.Schools > 0 {
			s += " из " + lingo.RU.Count(int64(g.Schools), "школа", lingo.Genitive)
		}
		return s + "."
	}
	you := "Сіз"
	if plural {
		you = "Сіздер"
	}
	s := fmt.Sprintf("%s берген %s заттай көмек ", you, lingo.Count(lang, given, "бірлік"))
	if g.ItemsDelivered < given {
		s = fmt.Sprintf("%s берген %s %s ", you, lingo.KK.Count(given, "бірлік", lingo.Genitive),
			lingo.KK.Numeral(g.ItemsDelivered, lingo.Possessive))
	}
	if g.Schools > 0 {
		s += lingo.Count(lang, int64(g.Schools), "мектептегі") + " "
	}
	return s + lingo.KK.Count(int64(g.Children), "бала", lingo.Dative) + " табысталды."
}
