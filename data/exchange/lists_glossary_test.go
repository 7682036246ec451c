package exchange_test

import (
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
	"github.com/mektepkezhol/app/data/lingo"
)

// TestListsGlossary checks every exported list's sheet name and headers,
// in kk and ru, against the table «One word per concept»: a donation is a
// «түсім» / «поступление», the notes are «ескертпе».
func TestListsGlossary(t *testing.T) {
	st := mustOpen(t)
	const campaign = 1 // the sponsors' list adds its campaign columns
	tables := map[string]func(lang string) (exchange.Table, error){
		"children": func(l string) (exchange.Table, error) {
			return exchange.ChildrenTable(ctx, st, data.ChildFilter{}, l)
		},
		"sponsors": func(l string) (exchange.Table, error) {
			return exchange.SponsorsTable(ctx, st, data.SponsorFilter{CampaignID: campaign}, l)
		},
		"donations": func(l string) (exchange.Table, error) {
			return exchange.DonationsTable(ctx, st, data.DonationFilter{CampaignID: campaign}, l)
		},
		"distributions": func(l string) (exchange.Table, error) {
			return exchange.DistributionsTable(ctx, st, data.DistributionFilter{CampaignID: campaign}, l)
		},
		"appeals": func(l string) (exchange.Table, error) {
			return exchange.AppealsTable(ctx, st, data.AppealFilter{CampaignID: campaign}, l)
		},
	}
	for name, table := range tables {
		for _, lang := range []string{"kk", "ru"} {
			tb, err := table(lang)
			if err != nil {
				t.Fatalf("%s %s: %v", name, lang, err)
			}
			if len(tb.Headers) == 0 {
				t.Fatalf("%s %s: no headers", name, lang)
			}
			for _, text := range append([]string{tb.Name}, tb.Headers...) {
				for _, w := range lingo.Miswords(lang, text) {
					t.Errorf("%s %s: %q says «%s», use %s", name, lang, text, w.Found, w.Use)
				}
			}
		}
	}
}
