package report

import (
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

var participantWords = map[string]map[string]string{
	"kk": {data.PartMaslikhat: "", // lingo.CityCouncil: «Қарағанды қалалық мәслихаты»
		data.PartDepartment: "білім бөлімі",
		data.PartPolice:     "жергілікті полиция", data.PartProbation: "пробация қызметі",
		data.PartSchools: "білім ұйымдарының өкілдері", data.PartSponsors: "демеушілер"},
	"ru": {data.PartMaslikhat: "городской маслихат", data.PartDepartment: "отдел образования",
		data.PartPolice: "местная полиция", data.PartProbation: "служба пробации",
		data.PartSchools: "организации образования", data.PartSponsors: "спонсоры"},
}

// participants lists an event's participants: «A, B және C» (kk), «A, B и C» (ru).
// city is the office's city, which owns the council in Kazakh.
func participants(e data.Event, city, lang string) string {
	var names []string
	for _, p := range data.EventParticipants { // the press release's order
		for _, q := range e.Participants {
			if p == q {
				name := participantWords[lang][p]
				if p == data.PartMaslikhat && lang == "kk" {
					name = lingo.CityCouncil(city, lang)
				}
				names = append(names, name)
			}
		}
	}
	and := map[string]string{"kk": " және ", "ru": " и "}[lang]
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + and + names[len(names)-1]
}
