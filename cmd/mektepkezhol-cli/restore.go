package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/mektepkezhol/app/data"
)

func init() {
	register(&command{name: "restore", args: "FILE",
		summary: "replace the database with a backup after checking it; the current one is kept as a dated copy",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) != 1 {
					return usageError("give the backup FILE")
				}
				path := e.dbPath
				if path == "" {
					var err error
					if path, err = data.DefaultPath(); err != nil {
						return err
					}
				}
				version, err := data.CheckBackup(ctx, args[0])
				if err != nil {
					return err
				}
				kept, err := data.Restore(ctx, path, args[0], time.Now())
				if err != nil {
					return err
				}
				if kept != "" {
					fmt.Fprintf(e.stdout, "the previous database is kept as %s\n", kept)
				}
				fmt.Fprintf(e.stdout, "restored %s (schema %d) into %s\n", args[0], version, path)
				return nil
			}
		}})
}
