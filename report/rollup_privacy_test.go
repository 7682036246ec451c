package report_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// TestRollUpHoldsNoPersonalData searches the region roll-up of two demo
// districts (PDF and workbook, both languages) for every child's name,
// IIN, address and guardian of both, the coverage register's people, and
// the private sponsors who are not to be named.
func TestRollUpHoldsNoPersonalData(t *testing.T) {
	ctx := context.Background()
	var parts []data.DistrictFigures
	var r report.CampaignReport
	var secrets []string
	for i, fx := range []repFixture{
		repOpen(t, data.DemoOptions{Children: 600, Sponsors: 60, Distributions: 800, Seed: 31}),
		repOpen(t, data.DemoOptions{Children: 500, Sponsors: 50, Distributions: 700, Seed: 32}),
	} {
		name := []string{"Теміртау", "Абай"}[i]
		part, err := fx.st.DistrictFigures(ctx, name, 2019)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, part)
		r.Districts = append(r.Districts, part.Totals())
		children, err := fx.st.FindChildren(ctx, data.ChildFilter{IncludeArchived: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range children {
			secrets = append(secrets, c.FullName(), c.Surname+" "+c.Name, string(c.IIN), c.Address, c.GuardianName, c.GuardianPhone)
		}
		cases, err := fx.st.FindCoverageCases(ctx, data.CoverageFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			secrets = append(secrets, c.ChildName, c.ChildIIN, c.Address, c.SourceName)
		}
	}
	r.ReportFigures, r.GeneratedOn = data.RollUp(parts), data.Date(2019, 9, 30)
	var public []string
	hidden := 0
	for _, sp := range r.Sponsors {
		if !sp.IsPerson() || sp.PublicConsent {
			public = append(public, strings.Join(repWords(sp.Name), " "))
		} else {
			secrets = append(secrets, sp.Name, sp.BIN)
			hidden++
		}
	}
	if hidden == 0 || len(secrets) < 6000 {
		t.Fatalf("%d secrets, %d hidden sponsors: too few to check", len(secrets), hidden)
	}
	// a name the sponsors allowed to be public may coincide with a child's
	isPublic := func(secret string) bool {
		w := strings.Join(repWords(secret), " ")
		for _, p := range public {
			if strings.Contains(p, w) {
				return true
			}
		}
		return false
	}
	for _, lang := range []string{"kk", "ru"} {
		for name, text := range map[string]string{"pdf " + lang: repPDFPlainText(t, r, lang), "xlsx " + lang: repWorkbookText(t, r, lang)} {
			idx := repIndex(text)
			if !idx.has(r.Districts[1].Name) || !idx.has(r.Schools[0].Name(lang)) {
				t.Fatalf("%s: the district or school names are not found: the search is broken", name)
			}
			leaks := 0
			for _, s := range secrets {
				if s != "" && idx.has(s) && !isPublic(s) {
					if leaks++; leaks <= 5 {
						t.Errorf("%s holds personal data: %q", name, s)
					}
				}
			}
		}
	}
}
