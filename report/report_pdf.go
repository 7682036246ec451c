package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// WritePDFReport writes the campaign's report for the press conference: a
// title page with the campaign's events, the key figures compared with the
// previous campaign, tables and vector charts by category, item, appeal
// channel, the coverage of school-age children and by school, and the
// sponsors thanked. It holds aggregates only.
func WritePDFReport(w io.Writer, r CampaignReport, opt ReportOptions) error {
	lang := opt.lang()
	name := r.Campaign.Name(lang)
	d := newReportDoc(lang, "P", name+" · "+word(lang, "report_title"))
	d.SetTitle(name+" — "+word(lang, "report_title"), true)
	d.SetAuthor(department(r.Settings, lang), true)
	d.SetCreator("Мектепке жол", true)
	if !r.GeneratedOn.IsZero() {
		d.SetCreationDate(r.GeneratedOn)
	}
	titlePage(d, r)
	d.AddPage()
	keyFiguresPage(d, r)
	districtPage(d, r)
	categoryPage(d, r)
	itemPage(d, r)
	appealPage(d, r)
	coveragePage(d, r)
	schoolPage(d, r)
	sponsorPage(d, r)
	eventsPage(d, r)
	if err := d.Error(); err != nil {
		return fmt.Errorf("pdf report: %w", err)
	}
	return d.Output(w)
}

func titlePage(d *reportDoc, r CampaignReport) {
	lang := d.lang
	d.AddPage()
	d.SetFont("sans", "", 10)
	d.MultiCell(0, 5, department(r.Settings, lang), "", "C", false)
	d.SetY(85)
	if len(r.Events) > 0 {
		d.SetY(55) // room for the events below
	}
	d.SetFont("sans", "", 13)
	d.MultiCell(0, 7, word(lang, "campaign_title"), "", "C", false)
	d.Ln(4)
	d.SetFont("sans", "B", 24)
	d.MultiCell(0, 11, r.Campaign.Name(lang), "", "C", false)
	d.Ln(2)
	d.SetFont("sans", "B", 15)
	d.MultiCell(0, 8, word(lang, "report_title"), "", "C", false)
	d.Ln(10)
	d.SetFont("sans", "", 11)
	if r.Campaign.Slogan != "" {
		d.MultiCell(0, 6, word(lang, "slogan")+": «"+r.Campaign.Slogan+"»", "", "C", false)
	}
	d.MultiCell(0, 6, word(lang, "dates")+": "+campaignDates(r.Campaign, lang), "", "C", false)
	titleEvents(d, r)
	d.SetY(250)
	d.SetFont("sans", "", 10)
	city := cityLine(r.Settings, lang)
	if !r.GeneratedOn.IsZero() {
		city += ", " + LongDate(r.GeneratedOn, lang)
	}
	d.MultiCell(0, 5, city, "", "C", false)
	d.Ln(2)
	d.note(word(lang, "aggregates_only"))
}

func keyFiguresPage(d *reportDoc, r CampaignReport) {
	lang := d.lang
	d.heading(word(lang, "key_figures"))
	figs := keyFigures(r, lang)
	cur := fmt.Sprint(r.Campaign.Year)
	if r.Previous == nil {
		var rows [][]string
		for _, f := range figs {
			rows = append(rows, []string{f.label, Number(f.cur)})
		}
		d.table([]tableColumn{{word(lang, "indicator"), 120, false}, {cur, 60, true}}, rows, false)
		return
	}
	prev := fmt.Sprint(r.Previous.Campaign.Year)
	var rows [][]string
	for _, f := range figs {
		rows = append(rows, []string{f.label, Number(f.cur), Number(f.prev), Signed(f.cur - f.prev), Change(f.cur, f.prev)})
	}
	d.note(fmt.Sprintf(word(lang, "compare"), r.Previous.Campaign.Year))
	d.Ln(1)
	d.table([]tableColumn{{word(lang, "indicator"), 80, false}, {cur, 28, true}, {prev, 28, true}, {"Δ", 24, true},
		{"Δ %", 20, true}}, rows, false)
}

func categoryPage(d *reportDoc, r CampaignReport) {
	lang := d.lang
	d.heading(word(lang, "by_category"))
	var rows [][]string
	var labels []string
	var values []int64
	for _, c := range r.Categories {
		n := int64(r.Summary.HelpedByCategory[c.Code])
		rows = append(rows, []string{c.Name(lang), Number(n), Number(int64(r.Summary.ChildrenByCategory[c.Code]))})
		labels, values = append(labels, c.Name(lang)), append(values, n)
	}
	d.table([]tableColumn{{word(lang, "category"), 120, false}, {word(lang, "helped"), 30, true},
		{word(lang, "registered"), 30, true}}, rows, false)
	d.note(word(lang, "several_categories"))
	d.Ln(3)
	d.room(float64(len(labels))*7 + 5)
	h := hBarChart(d.Fpdf, reportMargin, d.GetY(), reportWidth, 75, labels, []chartSeries{{word(lang, "helped"), values}})
	d.SetY(d.GetY() + h + 2)
}

func itemPage(d *reportDoc, r CampaignReport) {
	lang := d.lang
	d.heading(word(lang, "by_item"))
	var rows [][]string
	var labels []string
	var values []int64
	for _, it := range r.Items {
		n := r.Summary.ItemsByKind[it.Code]
		rows = append(rows, []string{it.Name(lang), lingo.Count(lang, n, it.Unit(lang))})
		labels, values = append(labels, it.Name(lang)), append(values, n)
	}
	rows = append(rows, []string{word(lang, "total"), Number(r.Summary.ItemsDistributed)})
	d.table([]tableColumn{{word(lang, "item"), 120, false}, {word(lang, "quantity"), 60, true}}, rows, true)
	d.Ln(4)
	d.room(60)
	y := d.GetY()
	pieChart(d.Fpdf, reportMargin+28, y+26, 25, labels, values)
	d.SetY(y + 56)
}

func appealPage(d *reportDoc, r CampaignReport) {
	lang := d.lang
	d.heading(word(lang, "by_channel"))
	cols := []tableColumn{{word(lang, "channel"), 44, false}}
	for _, st := range data.AppealStatuses {
		cols = append(cols, tableColumn{word(lang, "status."+st), 28, true})
	}
	cols = append(cols, tableColumn{word(lang, "total"), 24, true})
	var rows [][]string
	var labels []string
	ss := make([]chartSeries, len(data.AppealStatuses))
	for k, st := range data.AppealStatuses {
		ss[k].name = word(lang, "status."+st)
	}
	totals := make([]int64, len(data.AppealStatuses)+1)
	for _, ch := range data.AppealChannels {
		row := []string{word(lang, "channel."+ch)}
		var sum int64
		for k, st := range data.AppealStatuses {
			n := int64(r.Appeals[ch][st])
			row, sum = append(row, Number(n)), sum+n
			ss[k].values = append(ss[k].values, n)
			totals[k] += n
		}
		totals[len(totals)-1] += sum
		rows = append(rows, append(row, Number(sum)))
		labels = append(labels, word(lang, "channel."+ch))
	}
	last := []string{word(lang, "total")}
	for _, n := range totals {
		last = append(last, Number(n))
	}
	d.table(cols, append(rows, last), true)
	d.Ln(3)
	d.room(float64(len(labels))*7 + 12)
	h := hBarChart(d.Fpdf, reportMargin, d.GetY(), reportWidth, 50, labels, ss)
	d.SetY(d.GetY() + h + 2)
}

func schoolPage(d *reportDoc, r CampaignReport) {
	lang := d.lang
	d.AddPage()
	d.heading(word(lang, "by_school"))
	var rows [][]string
	var reg, helped, items int64
	for _, s := range r.Schools {
		rows = append(rows, []string{fmt.Sprint(s.Number), s.Name(lang), Number(int64(s.Children)),
			Number(int64(s.ChildrenHelped)), Number(s.Items)})
		reg, helped, items = reg+int64(s.Children), helped+int64(s.ChildrenHelped), items+s.Items
	}
	rows = append(rows, []string{"", word(lang, "total"), Number(reg), Number(helped), Number(items)})
	d.table([]tableColumn{{"№", 12, true}, {word(lang, "school"), 93, false}, {word(lang, "registered"), 25, true},
		{word(lang, "helped"), 25, true}, {word(lang, "items"), 25, true}}, rows, true)
}

func sponsorPage(d *reportDoc, r CampaignReport) {
	lang := d.lang
	d.AddPage()
	d.heading(word(lang, "thanks"))
	named, _, anon := publicSponsors(r.Sponsors)
	var orgs, persons []string
	for _, sp := range named {
		if name := lingo.LegalForm(sp.NameIn(lang), lang); sp.IsPerson() {
			persons = append(persons, name)
		} else {
			orgs = append(orgs, name)
		}
	}
	lingo.SortFunc(lang, orgs, sortKey) // alphabetical: the list has no amounts to order it by
	lingo.Sort(lang, persons)
	d.SetFont("sans", "B", 10)
	d.CellFormat(0, 6, word(lang, "organisations")+": "+Number(int64(len(orgs))), "", 1, "L", false, 0, "")
	nameColumns(d, orgs)
	d.Ln(3)
	d.room(20)
	d.SetFont("sans", "B", 10)
	d.CellFormat(0, 6, fmt.Sprintf(word(lang, "persons"), Number(int64(anon+len(persons)))), "", 1, "L", false, 0, "")
	if len(persons) > 0 {
		d.SetFont("sans", "", 9)
		d.CellFormat(0, 5, word(lang, "persons_named")+":", "", 1, "L", false, 0, "")
		nameColumns(d, persons)
	}
}

// nameColumns lists names in two columns.
func nameColumns(d *reportDoc, names []string) {
	d.SetFont("sans", "", 8)
	half := reportWidth / 2
	for i, n := range names {
		ln := 0
		if i%2 == 1 || i == len(names)-1 {
			ln = 1
		}
		d.CellFormat(half, 4.5, fitText(d.Fpdf, strings.TrimSpace(n), half-2), "", ln, "L", false, 0, "")
	}
}

// sortKey orders an organisation by its own name (lingo.FileUnder).
func sortKey(name string) string { return lingo.FileUnder(name) }
