package report

import (
	"fmt"

	"github.com/mektepkezhol/app/data"
)

// coverageSheet counts the coverage register in one filterable table: the
// outcomes, the children found and placed by reason, and who found them,
// each compared with the previous campaign. Counts only: no child is named.
func coverageSheet(r CampaignReport, lang string) workSheet {
	sh := workSheet{lang: lang, name: word(lang, "sheet_coverage"),
		title:  r.Campaign.Name(lang) + ": " + word(lang, "coverage"),
		header: []string{word(lang, "cov_group"), word(lang, "indicator"), fmt.Sprint(r.Campaign.Year)},
		kinds:  []cellKind{kindText, kindText, kindNumber}}
	if r.Previous != nil {
		sh.header = append(sh.header, fmt.Sprint(r.Previous.Campaign.Year), "Δ", "Δ %")
		sh.kinds = append(sh.kinds, kindNumber, kindNumber, kindPercent)
	}
	add := func(group, label string, cur, prev int) {
		row := []any{word(lang, "cov_group."+group), label, cur}
		if r.Previous != nil {
			var change any
			if prev != 0 {
				change = float64(cur-prev) / float64(prev)
			}
			row = append(row, prev, cur-prev, change)
		}
		sh.rows = append(sh.rows, row)
	}
	for _, f := range coverageFigures(r, lang) {
		add("outcome", f.label, int(f.cur), int(f.prev))
	}
	c, p := r.Coverage, prevCoverage(r)
	for _, reason := range data.CoverageReasons {
		add("reason", word(lang, "reason."+reason), c.ByReason[reason], p.ByReason[reason])
	}
	for _, reason := range data.CoverageReasons {
		add("placed", word(lang, "reason."+reason), c.ByReasonPlaced[reason], p.ByReasonPlaced[reason])
	}
	for _, src := range data.CoverageSources {
		add("source", word(lang, "source."+src), c.BySource[src], p.BySource[src])
	}
	return sh
}
