package report

import (
	"github.com/mektepkezhol/app/data"
)

// prevCoverage returns the previous campaign's coverage figures, or none.
func prevCoverage(r CampaignReport) data.CoverageFigures {
	if r.Previous == nil {
		return data.CoverageFigures{}
	}
	return r.Previous.Coverage
}

// coverageFigures lists the coverage register's outcomes, this campaign
// and the previous, in the order the reports show them.
func coverageFigures(r CampaignReport, lang string) []keyFigure {
	c, p := r.Coverage, prevCoverage(r)
	return []keyFigure{
		{label: word(lang, "cov_found"), cur: int64(c.Found), prev: int64(p.Found)},
		{label: word(lang, "cov_placed"), cur: int64(c.Placed), prev: int64(p.Placed)},
		{label: word(lang, "cov_referred"), cur: int64(c.Referred), prev: int64(p.Referred)},
		{label: word(lang, "cov_open"), cur: int64(c.Open), prev: int64(p.Open)},
		{label: word(lang, "cov_overdue"), cur: int64(c.Overdue), prev: int64(p.Overdue)},
	}
}

// finalPressConference returns the campaign's last press conference: the
// one that closes the campaign.
func finalPressConference(events []data.Event) (data.Event, bool) {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == data.EventPressConference {
			return events[i], true
		}
	}
	return data.Event{}, false
}

// eventPlace names where an event is held: the school's name in lang when
// the event is at a school and its place just names it, else the place.
func eventPlace(r CampaignReport, e data.Event, lang string) string {
	if e.SchoolID == 0 {
		return e.PlaceIn(lang)
	}
	for _, s := range r.Schools {
		if s.SchoolID == e.SchoolID && (e.Place == "" || e.Place == s.NameKK || e.Place == s.NameRU) {
			return s.Name(lang)
		}
	}
	return e.PlaceIn(lang)
}
