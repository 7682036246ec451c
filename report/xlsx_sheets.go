package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

func summarySheet(r CampaignReport, lang string) workSheet {
	sh := workSheet{lang: lang, name: word(lang, "sheet_summary"),
		title: r.Campaign.Name(lang) + ": " + word(lang, "key_figures")}
	cur := fmt.Sprint(r.Campaign.Year)
	sh.header = []string{word(lang, "indicator"), cur}
	sh.kinds = []cellKind{kindText, kindNumber}
	if r.Previous != nil {
		sh.header = append(sh.header, fmt.Sprint(r.Previous.Campaign.Year), "Δ", "Δ %")
		sh.kinds = append(sh.kinds, kindNumber, kindNumber, kindPercent)
	}
	for _, f := range keyFigures(r, lang) {
		amount := func(n int64) any {
			if f.money {
				return tenge(n)
			}
			return n
		}
		row := []any{f.label, amount(f.cur)}
		if r.Previous != nil {
			var change any
			if f.prev != 0 {
				change = float64(f.cur-f.prev) / float64(f.prev)
			}
			row = append(row, amount(f.prev), amount(f.cur-f.prev), change)
		}
		sh.rows = append(sh.rows, row)
	}
	// The chart's data: children helped by category, under the table.
	sh.extra = append(sh.extra, []any{word(lang, "category"), word(lang, "helped")})
	for _, c := range r.Categories {
		sh.extra = append(sh.extra, []any{c.Name(lang), r.Summary.HelpedByCategory[c.Code]})
	}
	first := headerRow + len(sh.rows) + 2 // the extra rows' header
	last := first + len(r.Categories)
	sh.before = func(f *excelize.File, sheet string) error {
		anchor, _ := excelize.CoordinatesToCellName(len(sh.header)+2, headerRow)
		return f.AddChart(sheet, anchor, &excelize.Chart{
			Type: excelize.Bar,
			Series: []excelize.ChartSeries{{Name: sheetRef(sheet, 2, first),
				Categories: fmt.Sprintf("%s:$A$%d", sheetRef(sheet, 1, first+1), last),
				Values:     fmt.Sprintf("%s:$B$%d", sheetRef(sheet, 2, first+1), last)}},
			Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: word(lang, "by_category")}}},
			Legend: excelize.ChartLegend{Position: "none"},
			// the first category on top, as in the table; labels dark, not excelize's light grey
			XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Color: chartLabelColor, Size: 10}},
			YAxis:     excelize.ChartAxis{Font: excelize.Font{Color: chartLabelColor, Size: 10}},
			Dimension: excelize.ChartDimension{Width: 720, Height: 420},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		})
	}
	return sh
}

func schoolSheet(r CampaignReport, lang string) workSheet {
	sh := workSheet{lang: lang, name: word(lang, "sheet_schools"), total: true,
		title:  r.Campaign.Name(lang) + ": " + word(lang, "by_school"),
		header: []string{"№", word(lang, "school"), word(lang, "registered"), word(lang, "helped"), word(lang, "items")},
		kinds:  []cellKind{kindNumber, kindText, kindNumber, kindNumber, kindNumber}}
	for _, s := range r.Schools {
		sh.rows = append(sh.rows, []any{s.Number, s.Name(lang), s.Children, s.ChildrenHelped, s.Items})
	}
	return sh
}

func categorySheet(r CampaignReport, lang string) workSheet {
	sh := workSheet{lang: lang, name: word(lang, "sheet_categories"),
		title:  r.Campaign.Name(lang) + ": " + word(lang, "by_category") + ". " + word(lang, "several_categories"),
		header: []string{word(lang, "category"), word(lang, "registered"), word(lang, "helped")},
		kinds:  []cellKind{kindText, kindNumber, kindNumber}}
	for _, it := range r.Items {
		sh.header = append(sh.header, it.Name(lang)+", "+it.Unit(lang))
		sh.kinds = append(sh.kinds, kindNumber)
	}
	for _, c := range r.Categories {
		row := []any{c.Name(lang), r.Summary.ChildrenByCategory[c.Code], r.Summary.HelpedByCategory[c.Code]}
		for _, it := range r.Items {
			row = append(row, r.CategoryItems[c.Code][it.Code])
		}
		sh.rows = append(sh.rows, row)
	}
	return sh
}

// chartLabelColor is the workbook chart's axis labels: near black, legible when printed.
const chartLabelColor = "262626"

func sponsorSheet(r CampaignReport, lang string) workSheet {
	sh := workSheet{lang: lang, name: word(lang, "sheet_sponsors"), total: true,
		title: r.Campaign.Name(lang) + ": " + word(lang, "thanks"),
		header: []string{"№", word(lang, "sponsor"), word(lang, "kind"), word(lang, "bin"), word(lang, "donations"),
			word(lang, "money_col"), word(lang, "inkind_col"), word(lang, "inkind_value_col"), word(lang, "total_tenge")},
		kinds: []cellKind{kindNumber, kindText, kindText, kindText, kindNumber, kindTenge, kindNumber, kindTenge, kindTenge}}
	named, anon, anonCount := publicSponsors(r.Sponsors)
	for i, sp := range named {
		bin := ""
		if !sp.IsPerson() {
			bin = sp.BIN // an organisation's BIN is public; a person's IIN is not
		}
		sh.rows = append(sh.rows, []any{i + 1, lingo.LegalForm(sp.NameIn(lang), lang), word(lang, "kind."+sp.Kind), bin, sp.Donations,
			sp.MoneyTenge, sp.InKindItems, sp.InKindValueTenge, sp.MoneyTenge + sp.InKindValueTenge})
	}
	if anonCount > 0 {
		sh.rows = append(sh.rows, []any{len(named) + 1, fmt.Sprintf(word(lang, "anon_row"), Number(int64(anonCount))),
			word(lang, "kind."+data.SponsorIndividual), "", anon.Donations, anon.MoneyTenge, anon.InKindItems,
			anon.InKindValueTenge, anon.MoneyTenge + anon.InKindValueTenge})
	}
	return sh
}

func appealSheet(r CampaignReport, lang string) workSheet {
	sh := workSheet{lang: lang, name: word(lang, "sheet_appeals"), total: true,
		title:  r.Campaign.Name(lang) + ": " + word(lang, "by_channel"),
		header: []string{word(lang, "channel")}, kinds: []cellKind{kindText}}
	for _, st := range data.AppealStatuses {
		sh.header, sh.kinds = append(sh.header, word(lang, "status."+st)), append(sh.kinds, kindNumber)
	}
	sh.header, sh.kinds = append(sh.header, word(lang, "total")), append(sh.kinds, kindNumber)
	for _, ch := range data.AppealChannels {
		row := []any{word(lang, "channel."+ch)}
		sum := 0
		for _, st := range data.AppealStatuses {
			row, sum = append(row, r.Appeals[ch][st]), sum+r.Appeals[ch][st]
		}
		sh.rows = append(sh.rows, append(row, sum))
	}
	return sh
}
