package report

import (
	"fmt"
	"strings"

	"github.com/mektepkezhol/app/data"
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
	"kk": {data.PartMaslikhat: "Қарағанды қаласының мәслихаты", data.PartDepartment: "білім бөлімі",
		data.PartPolice: "жергілікті полиция", data.PartProbation: "пробация қызметі",
		data.PartSchools: "білім ұйымдарының өкілдері", data.PartSponsors: "демеушілер"},
	"ru": {data.PartMaslikhat: "городской маслихат", data.PartDepartment: "отдел образования",
		data.PartPolice: "местная полиция", data.PartProbation: "служба пробации",
		data.PartSchools: "организации образования", data.PartSponsors: "спонсоры"},
}

// participants lists an event's participants: «A, B және C» (kk), «A, B и C» (ru).
func participants(e data.Event, lang string) string {
	var names []string
	for _, p := range data.EventParticipants { // the press release's order
		for _, q := range e.Participants {
			if p == q {
				names = append(names, participantWords[lang][p])
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

// pressConferenceKK opens the Kazakh release with the final press
// conference, in the seed's words: «2019 жылғы 30 қыркүйекте №3 гимназияда
// … қорытынды баспасөз-конференциясы өткізілді.»
func (pr *pressWriter) pressConferenceKK(pc data.Event) {
	day := fmt.Sprintf("%d жылғы %d %s", pc.HeldOn.Year(), pc.HeldOn.Day(), monthsKKLocative[pc.HeldOn.Month()-1])
	future := pr.r.GeneratedOn.Before(pc.HeldOn)
	verb, placeWord := "өткізілді", "Өткізілген орны"
	if future {
		verb, placeWord = "өткізіледі", "Өтетін орны"
		if pc.TimeText != "" {
			day += " сағат " + pc.TimeText + "-де"
		}
	}
	place := eventPlace(pr.r, pc, "kk")
	where, after := "", ""
	if loc, ok := kkLocative(place); ok && place != "" {
		where = " " + loc
	} else if place != "" {
		after = " " + placeWord + ": " + place + "."
	}
	pr.p("%s%s «Мектепке жол» жалпыреспубликалық акциясының қорытынды баспасөз-конференциясы %s.%s", day, where, verb, after)
}

// pressConferenceRU opens the Russian release with the final press conference.
func (pr *pressWriter) pressConferenceRU(pc data.Event) {
	day := LongDate(pc.HeldOn, "ru")
	verb := "состоялась"
	if pr.r.GeneratedOn.Before(pc.HeldOn) {
		verb = "состоится"
		if pc.TimeText != "" {
			day += " в " + pc.TimeText
		}
	}
	place := ""
	if pl := eventPlace(pr.r, pc, "ru"); pl != "" {
		place = " (место проведения: " + pl + ")"
	}
	pr.p("%s %s итоговая пресс-конференция республиканской акции «Дорога в школу»%s.", day, verb, place)
}

// coverageKK is the sentence on the children found out of school.
func (pr *pressWriter) coverageKK() {
	c := pr.r.Coverage
	if c.Found == 0 {
		return
	}
	parts := []string{fmt.Sprintf("оның %s мектепке орналастырылды", Number(int64(c.Placed)))}
	if c.Referred > 0 {
		parts = append(parts, fmt.Sprintf("%s бала полиция мен қамқоршылық органына жолданды", Number(int64(c.Referred))))
	}
	if c.Open > 0 {
		parts = append(parts, fmt.Sprintf("%s бала бойынша жұмыс жалғасуда", Number(int64(c.Open))))
	}
	pr.p("Акция барысында мектептен тыс қалған мектеп жасындағы %s бала анықталды: %s.", Number(int64(c.Found)),
		strings.Join(parts, ", "))
}

// coverageRU is the sentence on the children found out of school.
func (pr *pressWriter) coverageRU() {
	c := pr.r.Coverage
	if c.Found == 0 {
		return
	}
	parts := []string{fmt.Sprintf("устроены в школы — %s", Number(int64(c.Placed)))}
	if c.Referred > 0 {
		parts = append(parts, fmt.Sprintf("переданы в полицию и органы опеки — %s", Number(int64(c.Referred))))
	}
	if c.Open > 0 {
		parts = append(parts, fmt.Sprintf("работа продолжается — %s", Number(int64(c.Open))))
	}
	pr.p("В ходе акции выявлено детей школьного возраста, не охваченных обучением: %s; из них %s.",
		Number(int64(c.Found)), strings.Join(parts, ", "))
}
