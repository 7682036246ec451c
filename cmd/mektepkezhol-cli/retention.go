package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/mektepkezhol/app/data"
)

func init() {
	register(&command{name: "retention", summary: "anonymise the children of campaigns before a year (admin)",
		after: "Exit codes: 0 done (or counted, with --dry-run), 1 not the admin or an error, 2 usage.",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			before := fs.Int("campaigns-before", 0, "anonymise children whose last campaign was before this year, e.g. 2020")
			dryRun := fs.Bool("dry-run", false, "only count, write nothing")
			asJSON := fs.Bool("json", false, "print JSON")
			return func(ctx context.Context, e *env, _ []string) error {
				if *before == 0 {
					return usageError("--campaigns-before YEAR is required")
				}
				st, err := e.open()
				if err != nil {
					return err
				}
				rep, err := st.Retain(ctx, *before, *dryRun)
				if err != nil {
					return err
				}
				if *asJSON {
					return e.printJSON(rep)
				}
				printRetention(e, rep)
				return nil
			}
		}})
}

func printRetention(e *env, r data.RetentionReport) {
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	defer w.Flush()
	verb := "anonymised"
	if r.DryRun {
		verb = "would anonymise (dry run)"
	}
	fmt.Fprintf(w, "Campaigns before %d: %s\n", r.Before, verb)
	for _, c := range r.Campaigns {
		fmt.Fprintf(w, "  %d\t%d children\t%d coverage cases\n", c.Year, c.Children, c.CoverageCases)
	}
	fmt.Fprintf(w, "Children\t%d\n", r.Children)
	fmt.Fprintf(w, "Coverage cases\t%d\n", r.CoverageCases)
	if !r.DryRun {
		fmt.Fprintf(w, "Audit records scrubbed\t%d\n", r.AuditRecords)
		fmt.Fprintf(w, "Vacuumed\t%v\n", r.Vacuumed)
	}
}
