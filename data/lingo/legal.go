package lingo

import "strings"

// legalForms pairs the Kazakh and Russian abbreviations of legal forms.
var legalForms = []struct{ kk, ru string }{
	{"ЖШС", "ТОО"},   // жауапкершілігі шектеулі серіктестік
	{"ЖК", "ИП"},     // жеке кәсіпкер
	{"АҚ", "АО"},     // акционерлік қоғам
	{"ЖАҚ", "ЗАО"},   // жабық акционерлік қоғам
	{"ААҚ", "ОАО"},   // ашық акционерлік қоғам
	{"КеАҚ", "НАО"},  // коммерциялық емес акционерлік қоғам
	{"ҚБ", "ОО"},     // қоғамдық бірлестік
	{"ҚҚ", "ОФ"},     // қоғамдық қор
	{"КМК", "КГП"},   // коммуналдық мемлекеттік кәсіпорын
	{"ММ", "ГУ"},     // мемлекеттік мекеме
	{"КММ", "КГУ"},   // коммуналдық мемлекеттік мекеме
	{"РММ", "РГУ"},   // республикалық мемлекеттік мекеме
	{"РМК", "РГП"},   // республикалық мемлекеттік кәсіпорын
	{"МКҚК", "ГККП"}, // мемлекеттік коммуналдық қазыналық кәсіпорын
	{"ШҚ", "КХ"},     // шаруа қожалығы
	{"ЖШҚ", "ЧУ"},    // жеке меншік мекеме
	{"БҰ", "ОЮЛ"},    // заңды тұлғалар бірлестігі
	{"ӨҚ", "ПК"},     // өндірістік кооператив
}

// splitLegalForm finds a legal form at the start or the end of name and
// returns it (as its pair) with the rest of the name.
func splitLegalForm(name string) (kk, ru, core string, ok bool) {
	name = strings.Join(strings.Fields(name), " ")
	for _, f := range legalForms {
		for _, ab := range []string{f.kk, f.ru} {
			switch {
			case strings.HasPrefix(name, ab+" "):
				return f.kk, f.ru, strings.TrimSpace(name[len(ab):]), true
			case strings.HasSuffix(name, " "+ab):
				return f.kk, f.ru, strings.TrimSpace(name[:len(name)-len(ab)]), true
			}
		}
	}
	return "", "", name, false
}

// LegalForm writes an organisation's name with its legal form in lang:
// in Russian the form leads («ТОО «Нұр»»), in Kazakh it follows
// («"Нұр" ЖШС»), except ЖК, which leads in both. A name without a known
// form is returned as given.
func LegalForm(name, lang string) string {
	kk, ru, core, ok := splitLegalForm(name)
	switch {
	case !ok:
		return core
	case isRU(lang):
		return ru + " " + core
	case kk == "ЖК":
		return kk + " " + core
	}
	return core + " " + kk
}

// StripLegalForm returns name without its legal form: «"Нұр" ЖШС» → «"Нұр"».
func StripLegalForm(name string) string {
	_, _, core, _ := splitLegalForm(name)
	return core
}

// FileUnder is the name an organisation or a person files under in an
// alphabetical list: without the legal form and the opening quotes, so
// «"Береке" ЖШС» and «ТОО «Береке»» both file under Б.
func FileUnder(name string) string {
	return strings.TrimLeft(StripLegalForm(name), "«\"“ ")
}

// LegalForms lists the abbreviations of legal forms in lang: what a
// document in the other language must not contain.
func LegalForms(lang string) []string {
	out := make([]string, 0, len(legalForms))
	for _, f := range legalForms {
		if isRU(lang) {
			out = append(out, f.ru)
		} else {
			out = append(out, f.kk)
		}
	}
	return out
}
