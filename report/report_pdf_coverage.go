package report

import (
	"fmt"

	"github.com/mektepkezhol/app/data"
)

// titleEventsMax is how many events the title page lists; a longer
// calendar is listed in full at the end of the report.
const titleEventsMax = 10

// titleEventsBottom is where the title page stops listing events (mm).
const titleEventsBottom = 232.0

// titleEvents lists the campaign's events on the title page, the final
// press conference first and framed.
func titleEvents(d *reportDoc, r CampaignReport) {
	lang := d.lang
	if len(r.Events) == 0 {
		return
	}
	d.Ln(8)
	if pc, ok := finalPressConference(r.Events); ok {
		y := d.GetY()
		d.SetFillColor(225, 232, 240)
		d.SetDrawColor(31, 119, 180)
		d.SetLineWidth(0.5)
		d.Rect(reportMargin+10, y, reportWidth-20, 17, "FD")
		d.SetLineWidth(0.2)
		d.SetDrawColor(0, 0, 0)
		d.SetXY(reportMargin+12, y+2)
		d.SetFont("sans", "B", 11)
		d.CellFormat(reportWidth-24, 6, fitText(d.Fpdf, pc.Title(lang), reportWidth-24), "", 2, "C", false, 0, "")
		d.SetFont("sans", "B", 12)
		when := LongDate(pc.HeldOn, lang)
		if pc.TimeText != "" {
			when += ", " + pc.TimeText
		}
		if place := eventPlace(r, pc, lang); place != "" {
			when += " · " + place
		}
		d.CellFormat(reportWidth-24, 7, fitText(d.Fpdf, when, reportWidth-24), "", 2, "C", false, 0, "")
		d.SetXY(reportMargin, y+21)
	}
	d.SetFont("sans", "B", 10)
	d.CellFormat(0, 6, word(lang, "events"), "", 1, "L", false, 0, "")
	shown := 0
	for i, e := range r.Events {
		// keep clear of the city and date at the foot of the page
		if (i == titleEventsMax-1 && len(r.Events) > titleEventsMax) || d.GetY() > titleEventsBottom {
			break
		}
		style := ""
		if e.Kind == data.EventPressConference {
			style = "B"
		}
		eventRow(d, r, e, style)
		shown++
	}
	if shown < len(r.Events) {
		d.eventsCut = true
		d.note(fmt.Sprintf(word(lang, "events_more"), Number(int64(len(r.Events)))))
	}
}

// eventColumns are the widths of an event's date, time, title and place.
var eventColumns = [4]float64{20, 22, 88, 50}

// eventRow writes one event, its title and place wrapped as they need.
func eventRow(d *reportDoc, r CampaignReport, e data.Event, style string) {
	const line = 4.0
	d.SetFont("sans", style, 8)
	cells := [4]string{ShortDate(e.HeldOn), e.TimeText, e.Title(d.lang), eventPlace(r, e, d.lang)}
	lines := make([][]string, len(cells))
	n := 1
	for i, c := range cells {
		lines[i] = d.wrap(c, eventColumns[i]) // wrap leaves the cell margins
		n = max(n, len(lines[i]))
	}
	h := float64(n)*line + 1.5
	x, y := d.GetX(), d.GetY()
	for i := range cells {
		for k, l := range lines[i] {
			d.SetXY(x+1, y+0.75+float64(k)*line)
			d.CellFormat(eventColumns[i]-2, line, l, "", 0, "L", false, 0, "")
		}
		x += eventColumns[i]
	}
	d.SetDrawColor(200, 200, 200)
	d.Line(reportMargin, y+h, reportMargin+reportWidth, y+h)
	d.SetDrawColor(0, 0, 0)
	d.SetXY(reportMargin, y+h)
}

// eventsPage lists the whole calendar when the title page could not.
func eventsPage(d *reportDoc, r CampaignReport) {
	if !d.eventsCut {
		return
	}
	lang := d.lang
	d.AddPage()
	d.heading(word(lang, "events"))
	var cols []tableColumn
	for i, key := range []string{"event_date", "event_time", "event_title", "event_place"} {
		cols = append(cols, tableColumn{word(lang, key), eventColumns[i], false})
	}
	d.tableHeader(cols)
	for _, e := range r.Events {
		if d.GetY()+12 > 297-reportMargin-5 {
			d.AddPage()
			d.tableHeader(cols)
		}
		style := ""
		if e.Kind == data.EventPressConference {
			style = "B"
		}
		eventRow(d, r, e, style)
	}
}

// coveragePage shows the coverage register: its outcomes compared with
// the previous campaign, then the children found by reason and by who
// found them, as tables and bar charts. Counts only: no child is named.
func coveragePage(d *reportDoc, r CampaignReport) {
	lang := d.lang
	d.AddPage()
	d.heading(word(lang, "coverage"))
	figs := coverageFigures(r, lang)
	cur := fmt.Sprint(r.Campaign.Year)
	if r.Previous == nil {
		var rows [][]string
		for _, f := range figs {
			rows = append(rows, []string{f.label, Number(f.cur)})
		}
		d.table([]tableColumn{{word(lang, "indicator"), 120, false}, {cur, 60, true}}, rows, false)
	} else {
		var rows [][]string
		for _, f := range figs {
			rows = append(rows, []string{f.label, Number(f.cur), Number(f.prev), Signed(f.cur - f.prev), Change(f.cur, f.prev)})
		}
		d.table([]tableColumn{{word(lang, "indicator"), 80, false}, {cur, 28, true},
			{fmt.Sprint(r.Previous.Campaign.Year), 28, true}, {"Δ", 24, true}, {"Δ %", 20, true}}, rows, false)
	}
	coverageReasons(d, r)
	coverageSources(d, r)
	d.Ln(2)
	d.note(word(lang, "cov_note"))
}

func (d *reportDoc) subheading(text string) {
	d.room(25)
	d.Ln(3)
	d.SetFont("sans", "B", 10)
	d.MultiCell(0, 5, text, "", "L", false)
	d.Ln(1)
}

func coverageReasons(d *reportDoc, r CampaignReport) {
	lang := d.lang
	c := r.Coverage
	d.subheading(word(lang, "cov_by_reason"))
	var rows [][]string
	var labels []string
	placed := chartSeries{name: word(lang, "cov_placed_col")}
	other := chartSeries{name: word(lang, "cov_not_placed")}
	for _, reason := range data.CoverageReasons {
		n, p := int64(c.ByReason[reason]), int64(c.ByReasonPlaced[reason])
		rows = append(rows, []string{word(lang, "reason."+reason), Number(n), Number(p), Percent(p, n)})
		labels = append(labels, word(lang, "reason."+reason))
		placed.values, other.values = append(placed.values, p), append(other.values, n-p)
	}
	rows = append(rows, []string{word(lang, "total"), Number(int64(c.Found)), Number(int64(c.Placed)),
		Percent(int64(c.Placed), int64(c.Found))})
	d.table([]tableColumn{{word(lang, "cov_reason"), 80, false}, {word(lang, "cov_found_col"), 30, true},
		{word(lang, "cov_placed_col"), 35, true}, {word(lang, "cov_placed_share"), 35, true}}, rows, true)
	d.Ln(3)
	d.room(float64(len(labels))*7 + 12)
	y := d.GetY()
	h := hBarChart(d.Fpdf, reportMargin, y, reportWidth, 60, labels, []chartSeries{placed, other})
	d.SetY(y + h + 2)
}

func coverageSources(d *reportDoc, r CampaignReport) {
	lang := d.lang
	c := r.Coverage
	d.subheading(word(lang, "cov_by_source"))
	var rows [][]string
	var labels []string
	var values []int64
	for _, src := range data.CoverageSources {
		n := int64(c.BySource[src])
		rows = append(rows, []string{word(lang, "source."+src), Number(n), Percent(n, int64(c.Found))})
		labels, values = append(labels, word(lang, "source."+src)), append(values, n)
	}
	rows = append(rows, []string{word(lang, "total"), Number(int64(c.Found)), Percent(int64(c.Found), int64(c.Found))})
	d.table([]tableColumn{{word(lang, "cov_source"), 90, false}, {word(lang, "cov_found_col"), 30, true},
		{word(lang, "cov_share"), 30, true}}, rows, true)
	d.Ln(3)
	d.room(float64(len(labels))*7 + 5)
	y := d.GetY()
	h := hBarChart(d.Fpdf, reportMargin, y, reportWidth, 60, labels, []chartSeries{{word(lang, "cov_found_col"), values}})
	d.SetY(y + h + 2)
}
