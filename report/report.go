package report

import (
	"fmt"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// CampaignReport is what the public reports are made of: the campaign's
// aggregates (no child's personal data) and the day the report is made.
type CampaignReport struct {
	data.ReportFigures
	GeneratedOn time.Time
	// Districts, when set, make the report a region's roll-up with a
	// table by district (see data.RollUp).
	Districts []data.DistrictTotals
}

// ReportOptions choose the language of a report: "kk" (default) or "ru".
type ReportOptions struct {
	Lang string
}

func (o ReportOptions) lang() string {
	if o.Lang == "ru" {
		return "ru"
	}
	return "kk"
}

// publicSponsors splits the sponsors for a public document: those who may
// be named (organisations, and persons who consented) and the persons who
// may not, whose gifts are summed in anon.
func publicSponsors(sps []data.SponsorFigures) (named []data.SponsorFigures, anon data.SponsorFigures, anonCount int) {
	for _, sp := range sps {
		if !sp.IsPerson() || sp.PublicConsent {
			named = append(named, sp)
			continue
		}
		anonCount++
		anon.Donations += sp.Donations
		anon.MoneyTenge += sp.MoneyTenge
		anon.InKindItems += sp.InKindItems
		anon.InKindValueTenge += sp.InKindValueTenge
	}
	return named, anon, anonCount
}

// keyFigure is one line of the key figures: this campaign and the previous.
type keyFigure struct {
	label     string
	cur, prev int64
	money     bool
}

// keyFigures lists the headline figures in the order the reports show them.
func keyFigures(r CampaignReport, lang string) []keyFigure {
	s := r.Summary
	var p data.Summary
	if r.Previous != nil {
		p = r.Previous.Summary
	}
	return []keyFigure{
		{word(lang, "children_helped"), int64(s.ChildrenHelped), int64(p.ChildrenHelped), false},
		{word(lang, "children_registered"), int64(s.Children), int64(p.Children), false},
		{word(lang, "money"), s.MoneyTenge, p.MoneyTenge, true},
		{word(lang, "inkind_items"), s.InKindItems, p.InKindItems, false},
		{word(lang, "inkind_value"), s.InKindValueTenge, p.InKindValueTenge, true},
		{word(lang, "items_given"), s.ItemsDistributed, p.ItemsDistributed, false},
		{word(lang, "sponsors"), int64(s.Sponsors), int64(p.Sponsors), false},
		{word(lang, "schools"), int64(s.Schools), int64(p.Schools), false},
		{word(lang, "appeals"), int64(s.Appeals.Total), int64(p.Appeals.Total), false},
		{word(lang, "letters"), int64(s.Letters), int64(p.Letters), false},
		{word(lang, "cov_found"), int64(r.Coverage.Found), int64(prevCoverage(r).Found), false},
		{word(lang, "cov_placed"), int64(r.Coverage.Placed), int64(prevCoverage(r).Placed), false},
	}
}

// Signed writes a change with its sign: «+1 250», «-30», «0».
func Signed(n int64) string {
	if n > 0 {
		return "+" + Number(n)
	}
	return Number(n)
}

// Change writes the relative change from prev to cur: «+12,5 %», or «—»
// when there is nothing to compare with.
func Change(cur, prev int64) string {
	if prev == 0 {
		return "—"
	}
	p := Percent(cur-prev, prev)
	if cur > prev {
		return "+" + p
	}
	return p
}

// campaignDates writes «1 шілде – 30 қыркүйек 2019» style dates.
func campaignDates(c data.Campaign, lang string) string {
	return fmt.Sprintf("%s – %s", LongDate(c.StartsOn, lang), LongDate(c.EndsOn, lang))
}

func department(st data.Settings, lang string) string {
	if lang == "ru" {
		return st.DepartmentRU
	}
	return st.DepartmentKK
}

// cityLine is the place line of a document, from the office's settings.
func cityLine(st data.Settings, lang string) string {
	if lang == "ru" {
		return lingo.CityLine(st.CityRU, lang)
	}
	return lingo.CityLine(st.CityKK, lang)
}

func categoryName(cats []data.Category, code, lang string) string {
	for _, c := range cats {
		if c.Code == code {
			return c.Name(lang)
		}
	}
	return code
}
