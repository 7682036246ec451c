package report

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/mektepkezhol/app/data"
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
	lt.Addressee, lt.Salutation = addressee(l.Sponsor, lang)
	if t.ShowContribution {
		lt.Contribution = contribution(l.Gift, lang)
	}
	if t.ShowReach {
		lt.Reach = reach(l.Gift, lang)
	}
	values := map[string]string{
		"sponsor":      l.Sponsor.Name,
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

// addressee words whom the letter thanks: an organisation's team with a
// salutation to its head, or a person.
func addressee(sp data.Sponsor, lang string) (name, salutation string) {
	switch {
	case sp.Kind == data.SponsorIndividual:
		return sp.Name, salute(vocative(sp.Name), gender(sp.Name), lang)
	case sp.Kind == data.SponsorIE:
		person := sp.Name
		if i, j := strings.Index(person, "«"), strings.LastIndex(person, "»"); i >= 0 && j > i {
			person = person[i+len("«") : j]
		}
		return sp.Name, salute(vocative(person), gender(person), lang)
	case lang == "ru":
		name = "Коллективу " + sp.Name
	default:
		name = sp.Name + " ұжымына"
	}
	if strings.TrimSpace(sp.HeadName) == "" {
		if lang == "ru" {
			return name, "Уважаемые коллеги!"
		}
		return name, "Құрметті әріптестер!"
	}
	return name, salute(vocative(sp.HeadName), gender(sp.HeadName), lang)
}

func salute(who string, g byte, lang string) string {
	if lang != "ru" {
		return "Құрметті " + who + "!" // Kazakh has no grammatical gender
	}
	switch g {
	case 'M':
		return "Уважаемый " + who + "!"
	case 'F':
		return "Уважаемая " + who + "!"
	}
	return "Уважаемый(ая) " + who + "!"
}

// vocative keeps the name and patronymic of «Surname Name Patronymic», as
// letters address people: «Асқар Рауанұлы», «Андрей Юрьевич».
func vocative(full string) string {
	w := strings.Fields(full)
	if len(w) == 3 {
		return w[1] + " " + w[2]
	}
	return strings.Join(w, " ")
}

// gender guesses M or F from the patronymic or the surname; 0 if unsure.
func gender(full string) byte {
	w := strings.Fields(strings.ToLower(full))
	if len(w) == 0 {
		return 0
	}
	if len(w) >= 3 {
		switch p := w[len(w)-1]; {
		case strings.HasSuffix(p, "вич") || strings.HasSuffix(p, "ұлы") || strings.HasSuffix(p, "улы") || strings.HasSuffix(p, "оглы"):
			return 'M'
		case strings.HasSuffix(p, "вна") || strings.HasSuffix(p, "қызы") || strings.HasSuffix(p, "кызы") || strings.HasSuffix(p, "ична"):
			return 'F'
		}
	}
	switch s := w[0]; {
	case strings.HasSuffix(s, "ова") || strings.HasSuffix(s, "ева") || strings.HasSuffix(s, "ина") || strings.HasSuffix(s, "ая"):
		return 'F'
	case strings.HasSuffix(s, "ов") || strings.HasSuffix(s, "ев") || strings.HasSuffix(s, "ин") || strings.HasSuffix(s, "ий"):
		return 'M'
	}
	return 0
}

// contribution words what was given: «рюкзак — 30 дана; 150 000 теңге (жүз елу мың теңге)».
func contribution(g data.GiftTrace, lang string) string {
	var parts []string
	for _, it := range g.Items {
		parts = append(parts, fmt.Sprintf("%s — %s %s", strings.ToLower(it.Item.Name(lang)), Number(it.Quantity),
			it.Item.Unit(lang)))
	}
	if g.MoneyTenge > 0 {
		if lang == "ru" {
			parts = append(parts, fmt.Sprintf("%s тенге (%s тенге)", Number(g.MoneyTenge), WordsRU(g.MoneyTenge)))
		} else {
			parts = append(parts, fmt.Sprintf("%s теңге (%s теңге)", Number(g.MoneyTenge), WordsKK(g.MoneyTenge)))
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

// reach words what the goods achieved: «Сіз берген 120 бірлік заттай көмек 3 мектептегі 118 балаға табысталды».
func reach(g data.GiftTrace, lang string) string {
	if g.ItemsDelivered == 0 || g.Children == 0 {
		return ""
	}
	if lang == "ru" {
		given, reached := "Переданные", "дошли"
		if PluralRU(g.ItemsDelivered, "1", "", "") == "1" {
			given, reached = "Переданная", "дошла"
		}
		s := fmt.Sprintf("%s Вами %s %s вещевой помощи %s до %s %s", given, Number(g.ItemsDelivered),
			PluralRU(g.ItemsDelivered, "единица", "единицы", "единиц"), reached, Number(int64(g.Children)),
			PluralRUGenitive(int64(g.Children), "ребёнка", "детей"))
		if g.Schools > 0 {
			s += fmt.Sprintf(" из %s %s", Number(int64(g.Schools)), PluralRUGenitive(int64(g.Schools), "школы", "школ"))
		}
		return s + "."
	}
	s := fmt.Sprintf("Сіз берген %s бірлік заттай көмек ", Number(g.ItemsDelivered))
	if g.Schools > 0 {
		s += fmt.Sprintf("%s мектептегі ", Number(int64(g.Schools)))
	}
	return s + fmt.Sprintf("%s балаға табысталды.", Number(int64(g.Children)))
}
