package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"
)

func init() {
	register(&command{name: "whoami", summary: "the database user, its role (clerk, head, admin) and the database",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			asJSON := fs.Bool("json", false, "print JSON")
			return func(ctx context.Context, e *env, _ []string) error {
				st, err := e.open()
				if err != nil {
					return err
				}
				se, err := st.Session(ctx)
				if err != nil {
					return err
				}
				if *asJSON {
					return e.printJSON(se)
				}
				w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
				defer w.Flush()
				fmt.Fprintf(w, "User\t%s\n", se.User)
				fmt.Fprintf(w, "Role\t%s\n", se.Role)
				fmt.Fprintf(w, "Backend\t%s\n", se.Backend)
				fmt.Fprintf(w, "Database\t%s\n", se.Database)
				if se.Schema != "" {
					fmt.Fprintf(w, "Schema\t%s\n", se.Schema)
				}
				return nil
			}
		}})
}
