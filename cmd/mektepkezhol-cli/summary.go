package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/mektepkezhol/app/data"
)

func init() {
	register(&command{name: "summary", summary: "a campaign's headline figures",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			year := fs.Int("campaign", 0, "campaign year, e.g. 2019")
			asJSON := fs.Bool("json", false, "print JSON")
			return func(ctx context.Context, e *env, _ []string) error {
				st, c, err := e.campaignForReading(ctx, *year)
				if err != nil {
					return err
				}
				sum, err := st.Summary(ctx, c.ID)
				if err != nil {
					return err
				}
				if *asJSON {
					return e.printJSON(sum)
				}
				printSummary(e, sum)
				return nil
			}
		}})
}

func printSummary(e *env, s data.Summary) {
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	defer w.Flush()
	fmt.Fprintf(w, "Campaign\t%s (%d)\n", s.CampaignName, s.Campaign)
	fmt.Fprintf(w, "Sponsors\t%d\n", s.Sponsors)
	fmt.Fprintf(w, "Donations\t%d\n", s.Donations)
	fmt.Fprintf(w, "Money raised\t%d ₸\n", s.MoneyTenge)
	fmt.Fprintf(w, "In-kind items\t%d (worth %d ₸)\n", s.InKindItems, s.InKindValueTenge)
	fmt.Fprintf(w, "Schools\t%d\n", s.Schools)
	fmt.Fprintf(w, "Children registered\t%d\n", s.Children)
	fmt.Fprintf(w, "Children helped\t%d\n", s.ChildrenHelped)
	fmt.Fprintf(w, "Distributions\t%d (%d items)\n", s.Distributions, s.ItemsDistributed)
	for _, code := range data.CategoryCodes {
		fmt.Fprintf(w, "  %s\t%d registered, %d helped\n", code, s.ChildrenByCategory[code], s.HelpedByCategory[code])
	}
	fmt.Fprintf(w, "Appeals\t%d (resolved %d, rejected %d, open %d, overdue %d)\n",
		s.Appeals.Total, s.Appeals.Resolved, s.Appeals.Rejected, s.Appeals.Open, s.Appeals.Overdue)
	fmt.Fprintf(w, "Letters issued\t%d\n", s.Letters)
}
