package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
)

func init() {
	register(&command{name: "check", summary: "integrity, foreign-key and domain checks (bad IINs/BINs, negative stock); exit 1 on problems",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			asJSON := fs.Bool("json", false, "print the problems as JSON")
			return func(ctx context.Context, e *env, _ []string) error {
				st, err := e.openForReading(ctx)
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
