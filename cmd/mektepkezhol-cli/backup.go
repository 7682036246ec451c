package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/mektepkezhol/app/data"
)

func init() {
	register(&command{name: "backup", summary: "write a consistent copy of the database (safe while the app runs)",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			out := fs.String("out", "", "the backup file to write")
			auto := fs.String("auto", "", "make the day's automatic backup in this folder instead (skipped if done today)")
			keep := fs.Int("keep", 7, "with --auto: how many daily backups to keep")
			return func(ctx context.Context, e *env, _ []string) error {
				if (*out == "") == (*auto == "") {
					return usageError("give either --out FILE or --auto DIR")
				}
				st, err := e.open()
				if err != nil {
					return err
				}
				if *auto != "" {
					path, err := data.AutoBackup(ctx, st, *auto, *keep)
					if err != nil {
						return err
					}
					if path == "" {
						fmt.Fprintln(e.stdout, "today's backup already exists")
						return nil
					}
					fmt.Fprintf(e.stdout, "backup written to %s\n", path)
					return nil
				}
				if err := st.Backup(ctx, *out); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "backup written to %s\n", *out)
				return nil
			}
		}})
}
