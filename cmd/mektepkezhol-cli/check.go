package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/mektepkezhol/app/data"
)

func init() {
	register(&command{name: "check", summary: "integrity, foreign-key and domain checks (bad IINs/BINs, negative stock); exit 1 on problems",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			asJSON := fs.Bool("json", false, "print the problems as JSON")
			recount := fs.Bool("recount-tallies", false, "first count the dashboard's tallies afresh (after a DBA's edits with the triggers off), then check")
			return func(ctx context.Context, e *env, _ []string) error {
				st, err := e.openForCheck(ctx, *recount)
				if err != nil {
					return err
				}
				problems, err := st.Check(ctx)
				if err != nil {
					return err
				}
				if *asJSON {
					if problems == nil {
						problems = problems[:0]
					}
					if err := json.NewEncoder(e.stdout).Encode(problems); err != nil {
						return err
					}
				} else {
					for _, p := range problems {
						fmt.Fprintf(e.stdout, "%s\t%s #%d\t%s\n", p.Kind, p.Table, p.RowID, p.Detail)
					}
				}
				if len(problems) > 0 {
					fmt.Fprintf(e.stderr, "%d problems found in %s\n", len(problems), st.Path())
					return errProblems
				}
				if !*asJSON {
					fmt.Fprintf(e.stdout, "ok: %s\n", st.Path())
				}
				return nil
			}
		}})
}

// openForCheck opens the database only for reading, or with recount for
// writing, and counts the tallies afresh.
func (e *env) openForCheck(ctx context.Context, recount bool) (*data.Store, error) {
	if !recount {
		return e.openForReading(ctx)
	}
	st, err := e.open()
	if err != nil {
		return nil, err
	}
	return st, st.RecountTallies(ctx)
}
