package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/mektepkezhol/app/data"
)

func init() {
	register(&command{name: "restore", args: "FILE",
		summary: "replace the database with a backup after checking it; the current one is kept as a dated copy",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			passStdin := fs.Bool("passphrase-stdin", false, "an encrypted backup's passphrase is the first line of stdin (else asked at a terminal)")
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
				src, done, err := openBackup(e, args[0], *passStdin)
				if err != nil {
					return err
				}
				defer done()
				version, err := data.CheckBackup(ctx, src)
				if err != nil {
					return err
				}
				kept, err := data.Restore(ctx, path, src, time.Now())
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

// openBackup returns the file to restore: the backup itself, or the plain
// copy of a compressed or encrypted one, with done removing that copy. An
// encrypted daily copy opens with the key in the user's config folder; a
// passphrase is asked only when that is not enough.
func openBackup(e *env, file string, fromStdin bool) (string, func(), error) {
	keyDir, _ := data.BackupKeyDir()
	plain, done, err := data.OpenBackup(file, data.BackupKeys{Dir: keyDir})
	if !errors.Is(err, data.ErrEncryptedBackup) {
		return plain, done, err
	}
	pass, err := readPassphrase(e, fromStdin, false)
	if err != nil {
		return "", nil, err
	}
	return data.OpenBackup(file, data.BackupKeys{Dir: keyDir, Passphrase: pass})
}
