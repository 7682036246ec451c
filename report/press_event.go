package report

import (
	"slices"
	"strings"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// kkLocativeNouns are the last words of places whose locative is known:
// «№3 гимназия» → «№3 гимназияда».
var kkLocativeNouns = map[string]string{"гимназия": "гимназияда", "мектеп": "мектепте", "лицей": "лицейде",
	"колледж": "колледжде", "орталық": "орталықта", "сарай": "сарайда", "зал": "залда", "әкімдік": "әкімдікте",
	"бөлім": "бөлімде", "университет": "университетте", "кітапхана": "кітапханада", "мұражай": "мұражайда"}

// kkLocative puts a place in the locative case («№3 гимназияда», «білім
// бөлімінде») when its last word is a known noun or ends in the possessive
// -ы/-і; otherwise it reports false and the place is named uninflected.
func kkLocative(place string) (string, bool) {
	place = strings.TrimSpace(place)
	i := strings.LastIndexAny(place, " \u00a0") + 1
	head, last := place[:i], place[i:]
	if loc, ok := kkLocativeNouns[strings.ToLower(last)]; ok {
		return head + loc, true
	}
	switch {
	case strings.HasSuffix(last, "ы"):
		return place + "нда", true
	case strings.HasSuffix(last, "і"):
		return place + "нде", true
	}
	return "", false
}

// ruPlaceNouns are the first words of places whose prepositional case is
// known: «Гимназия №3» → «в гимназии №3», «Дворец школьников» → «во
// Дворце школьников».
var ruPlaceNouns = map[string]string{"гимназия": "гимназии", "школа": "школе", "лицей": "лицее",
	"колледж": "колледже", "дворец": "дворце", "центр": "центре", "акимат": "акимате", "отдел": "отделе",
	"управление": "управлении", "библиотека": "библиотеке", "музей": "музее", "зал": "зале",
	"университет": "университете"}

// ruInPlace writes «в» and a place in the prepositional case when its head
// noun, the first word, is known («в гимназии №3», «в школе-лицее №5», «во
// Дворце школьников»); otherwise it reports false and the place is named
// uninflected. A school named by its number is lowered as a common noun.
func ruInPlace(place string) (string, bool) {
	place = strings.TrimSpace(place)
	head, rest, _ := strings.Cut(place, " ")
	var parts []string
	for _, w := range strings.Split(head, "-") {
		form, ok := ruPlaceNouns[strings.ToLower(w)]
		if !ok {
			return "", false
		}
		parts = append(parts, form)
	}
	form := strings.Join(parts, "-")
	if rest != "" && !strings.HasPrefix(rest, "№") && head != strings.ToLower(head) {
		form = upperFirst(form)
	}
	in := "в "
	if parts[0] == "дворце" {
		in = "во "
	}
	if rest != "" {
		form += " " + rest
	}
	return in + form, true
}

// participantWords name the bodies whose representatives take part, in
// the genitive: «…білім бөлімінің … өкілдері», «представители отдела
// образования …». The council comes from lingo.CityCouncil; the sponsors
// take part themselves.
var participantWords = map[string]map[string]string{
	"kk": {data.PartDepartment: "білім бөлімінің", data.PartPolice: "жергілікті полицияның",
		data.PartProbation: "пробация қызметінің", data.PartSchools: "білім беру ұйымдарының"},
	"ru": {data.PartDepartment: "отдела образования", data.PartPolice: "местной полиции",
		data.PartProbation: "службы пробации", data.PartSchools: "организаций образования"},
}

// participants lists who takes part: «Қарағанды қалалық мәслихатының,
// білім бөлімінің өкілдері және демеушілер», «представители маслихата
// города Караганды и отдела образования, а также спонсоры». city is the
// office's city, which owns the council.
func participants(parts []string, city, lang string) string {
	var bodies []string
	sponsors := false
	for _, p := range data.EventParticipants { // the press release's order
		if !slices.Contains(parts, p) {
			continue
		}
		switch p {
		case data.PartSponsors:
			sponsors = true
		case data.PartMaslikhat:
			bodies = append(bodies, councilGenitive(city, lang))
		default:
			bodies = append(bodies, participantWords[lang][p])
		}
	}
	if lang == "ru" {
		return ruParticipants(bodies, sponsors)
	}
	who := ""
	if len(bodies) > 0 {
		who = strings.Join(bodies, ", ") + " өкілдері"
	}
	switch {
	case sponsors && who != "":
		return who + " және демеушілер"
	case sponsors:
		return "демеушілер"
	}
	return who
}

func ruParticipants(bodies []string, sponsors bool) string {
	who := ""
	switch n := len(bodies); n {
	case 0:
	case 1:
		who = "представители " + bodies[0]
	default:
		who = "представители " + strings.Join(bodies[:n-1], ", ") + " и " + bodies[n-1]
	}
	switch {
	case sponsors && who != "":
		return who + ", а также спонсоры"
	case sponsors:
		return "спонсоры"
	}
	return who
}

// councilGenitive is the city's council in the genitive: «Қарағанды
// қалалық мәслихатының», «маслихата города Караганды».
func councilGenitive(city, lang string) string {
	council := lingo.CityCouncil(city, lang)
	if lang == "ru" {
		head, rest, _ := strings.Cut(council, " ")
		return head + "а " + rest
	}
	return lingo.OfficeOf(council, "kk")
}
