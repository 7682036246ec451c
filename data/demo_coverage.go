package data

import (
	"fmt"
	"time"
)

var coverageActions = map[string]string{
	ReasonNoClothes:  "Мектеп формасы мен аяқ киім берілді",
	ReasonHardship:   "Отбасына әлеуметтік көмек көрсетілді, баланың құжаттары мектепке тапсырылды",
	ReasonLeftSchool: "Ата-анасымен профилактикалық әңгіме жүргізілді",
	ReasonMovedIn:    "Тіркеу мен мектепке қабылдау құжаттары рәсімделді",
	ReasonIllness:    "ПМПК-ға жолданды, үйде оқыту ұйымдастырылды",
	ReasonDeviant:    "Кәмелетке толмағандар ісі жөніндегі инспекторға хабарланды",
	ReasonOther:      "Мектеп әкімшілігімен бірлесіп жұмыс жүргізілді",
}

// coverage registers n children found out of school during the campaign.
func (g *demoGen) coverage(c Campaign, n int) error {
	var appealIDs []int64
	rows, err := g.tx.QueryContext(g.ctx, `SELECT id FROM appeals WHERE campaign_id = ? ORDER BY id`, c.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		appealIDs = append(appealIDs, id)
	}
	rows.Close()
	for i := 0; i < n; i++ {
		cc := CoverageCase{CampaignID: c.ID, FoundOn: g.dayIn(c.StartsOn, c.EndsOn.AddDate(0, 0, -3)),
			Source: CoverageSources[g.rnd.IntN(len(CoverageSources))], Reason: CoverageReasons[g.rnd.IntN(len(CoverageReasons))]}
		school := g.schools[g.rnd.IntN(len(g.schools))]
		if g.rnd.IntN(10) < 7 {
			ch := g.children[g.rnd.IntN(len(g.children))]
			cc.ChildID, school.ID = ch.ID, ch.SchoolID
		} else {
			p := g.person(g.rnd.IntN(2) == 0, g.rnd.IntN(5) > 0)
			cc.ChildName = p.FullName()
			cc.BirthDate = Date(2008+g.rnd.IntN(6), time.Month(1+g.rnd.IntN(12)), 1+g.rnd.IntN(28))
			cc.Address = fmt.Sprintf("Қарағанды қ., %s, %d-үй", g.pick(streets), 1+g.rnd.IntN(90))
		}
		switch cc.Source {
		case SourceSchool:
			cc.SourceSchoolID, cc.SourceName = school.ID, "Сынып жетекшісі"
		case SourcePolice:
			cc.SourceName = "Учаскелік полиция инспекторы " + g.personName(false, true)
		case SourceProbation:
			cc.SourceName = "Пробация қызметінің инспекторы " + g.personName(true, true)
		case SourceRaid:
			cc.SourceName = "«Мектепке жол» бірлескен рейді"
		case SourceAppeal:
			if len(appealIDs) > 0 {
				cc.AppealID = appealIDs[g.rnd.IntN(len(appealIDs))]
			}
			cc.SourceName = "Азаматтың өтініші"
		}
		cc.DueOn = cc.FoundOn.AddDate(0, 0, 10)
		switch r := g.rnd.IntN(100); {
		case r < 72:
			cc.Outcome, cc.PlacedSchoolID, cc.PlacedOn = OutcomePlaced, school.ID, cc.FoundOn.AddDate(0, 0, 1+g.rnd.IntN(9))
		case r < 80:
			cc.Outcome = OutcomePolice
		case r < 86:
			cc.Outcome = OutcomeGuardianship
		default:
			cc.Outcome = OutcomeOpen
		}
		if cc.Outcome != OutcomeOpen {
			cc.Action = coverageActions[cc.Reason]
		}
		if err := g.s.createCoverageCase(g.ctx, g.tx, &cc); err != nil {
			return err
		}
	}
	return nil
}

// events writes the campaign's calendar, ending with the final press
// conference of the press release at gymnasium №3.
func (g *demoGen) events(c Campaign) error {
	var gym3 int64
	for _, sc := range g.schools {
		if sc.Number == 3 {
			gym3 = sc.ID
		}
	}
	y := c.Year
	all := []string{PartMaslikhat, PartDepartment, PartPolice, PartProbation, PartSchools, PartSponsors}
	evs := []Event{
		{Kind: EventLaunch, HeldOn: Date(y, 7, 1), TimeText: "10:00", TitleKK: "«Мектепке жол» акциясының басталуы",
			TitleRU: "Старт акции «Дорога в школу»", Place: "Қарағанды қаласы білім бөлімі", PlaceRU: "Отдел образования города Караганды",
			Participants: []string{PartDepartment, PartSchools, PartPolice}},
		{Kind: EventHotline, HeldOn: Date(y, 7, 1), TimeText: "09:00–18:00",
			TitleKK: "Жедел желі мен «сенім» телефондары: 343413, 343719, 343528",
			TitleRU: "Горячая линия и телефоны доверия: 343413, 343719, 343528", Place: "Қарағанды қаласы білім бөлімі", PlaceRU: "Отдел образования города Караганды",
			Participants: []string{PartDepartment}, Note: "Жұмыс күндері, акция аяқталғанға дейін"},
		{Kind: EventHandover, HeldOn: Date(y, 8, 20), TimeText: "11:00", TitleKK: "Демеушілердің сыйлықтарын табыстау",
			TitleRU: "Вручение подарков спонсоров", Place: "№12 жалпы білім беретін мектеп", PlaceRU: "Общеобразовательная школа №12",
			Participants: []string{PartDepartment, PartSponsors, PartSchools, PartMaslikhat}},
		{Kind: EventHandover, HeldOn: Date(y, 8, 28), TimeText: "11:00", TitleKK: "Мектеп формасы мен рюкзактарды табыстау",
			TitleRU: "Вручение школьной формы и рюкзаков", Place: "№5 жалпы білім беретін мектеп", PlaceRU: "Общеобразовательная школа №5",
			Participants: []string{PartDepartment, PartSponsors, PartSchools}},
		{Kind: EventPressConference, HeldOn: Date(y, 9, 30), TimeText: "11:00",
			TitleKK: "«Мектепке жол» акциясының қорытынды баспасөз-конференциясы",
			TitleRU: "Итоговая пресс-конференция акции «Дорога в школу»", Place: "№3 гимназия", SchoolID: gym3,
			Participants: all},
	}
	for i := range evs {
		evs[i].CampaignID = c.ID
		if err := g.s.createEvent(g.ctx, g.tx, &evs[i]); err != nil {
			return err
		}
	}
	return nil
}
