package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/mektepkezhol/app/data"
)

func init() {
	register(&command{name: "coverage", summary: "the coverage register's figures: children found out of school, placed, still open",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			year := fs.Int("campaign", 0, "campaign year, e.g. 2019")
			asJSON := fs.Bool("json", false, "print JSON: found, placed, open, overdue, referred, by_reason, by_source")
			return func(ctx context.Context, e *env, _ []string) error {
				st, c, err := e.campaign(ctx, *year)
				if err != nil {
					return err
				}
				figs, err := st.CoverageFigures(ctx, c.ID)
				if err != nil {
					return err
				}
				if *asJSON {
					return e.printJSON(figs)
				}
				w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
				defer w.Flush()
				fmt.Fprintf(w, "Campaign\t%d\n", figs.Campaign)
				fmt.Fprintf(w, "Found out of school\t%d\n", figs.Found)
				fmt.Fprintf(w, "Placed in school\t%d\n", figs.Placed)
				fmt.Fprintf(w, "Referred (police, guardianship)\t%d\n", figs.Referred)
				fmt.Fprintf(w, "Still open\t%d (overdue %d)\n", figs.Open, figs.Overdue)
				for _, r := range data.CoverageReasons {
					fmt.Fprintf(w, "  reason %s\t%d (placed %d)\n", r, figs.ByReason[r], figs.ByReasonPlaced[r])
				}
				for _, s := range data.CoverageSources {
					fmt.Fprintf(w, "  found by %s\t%d\n", s, figs.BySource[s])
				}
				return nil
			}
		}})
}
