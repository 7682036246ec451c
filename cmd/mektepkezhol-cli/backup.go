package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/mektepkezhol/app/data"
)

func init() {
	register(&command{name: "backup", summary: "write a consistent copy of the database (safe while the app runs), or the day's automatic one",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			out := fs.String("out", "", "the backup file to write")
			auto := fs.Bool("auto", false, "make the day's automatic backup (compressed; skipped when done today or nothing changed; encrypted as the settings say) and drop this database's oldest")
			dir := fs.String("dir", "", "with --auto: the folder (default: the settings', or «backups» beside the database)")
			keep := fs.Int("keep", 0, "with --auto: how many daily backups to keep (default: the settings', or 7)")
			encrypt := fs.Bool("encrypt", false, "with --out: encrypt the copy with a passphrase (age); asked twice at a terminal")
			passStdin := fs.Bool("passphrase-stdin", false, "with --encrypt: read the passphrase from the first line of stdin")
			return func(ctx context.Context, e *env, _ []string) error {
				if (*out == "") == !*auto {
					return usageError("give either --out FILE or --auto")
				}
				if *encrypt && *auto {
					return usageError("--encrypt goes with --out: the daily automatic backup is encrypted as the settings say (Settings → Backup)")
				}
				if *passStdin && !*encrypt {
					return usageError("--passphrase-stdin goes with --encrypt")
				}
				st, err := e.open()
				if err != nil {
					return err
				}
				if *encrypt {
					return encryptedBackup(ctx, e, st, *out, *passStdin)
				}
				if *out != "" {
					if err := st.Backup(ctx, *out); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "backup written to %s\n", *out)
					return nil
				}
				settings, err := st.Settings(ctx)
				if err != nil {
					return err
				}
				d, k := data.AutoBackupConfig(settings, st.Path())
				if *dir != "" {
					d = *dir
				}
				if *keep > 0 {
					k = *keep
				}
				keyDir, _ := data.BackupKeyDir()
				rcpt, err := data.AutoBackupRecipient(settings, keyDir)
				if err != nil {
					return err
				}
				res, err := data.AutoBackupWith(ctx, st, data.AutoBackupOptions{Dir: d, Keep: k, Recipient: rcpt})
				if err != nil {
					return err
				}
				switch {
				case res.Today:
					fmt.Fprintf(e.stdout, "today's backup already exists in %s\n", d)
					return nil
				case res.Same != "":
					fmt.Fprintf(e.stdout, "nothing changed since %s: no new backup\n", res.Same)
					return nil
				}
				path := res.Path
				fmt.Fprintf(e.stdout, "backup written to %s (the last %d kept)\n", path, k)
				return nil
			}
		}})
}

// encryptedBackup writes backup --out --encrypt: the passphrase is read
// before the copy is made, so nothing is written without it.
func encryptedBackup(ctx context.Context, e *env, st *data.Store, out string, fromStdin bool) error {
	pass, err := readPassphrase(e, fromStdin, true)
	if err != nil {
		return err
	}
	if err := st.BackupEncrypted(ctx, out, pass); err != nil {
		if errors.Is(err, data.ErrWeakPassphrase) || errors.Is(err, data.ErrNoPassphrase) {
			return nothingWritten{err}
		}
		return err
	}
	fmt.Fprintf(e.stdout, "encrypted backup written to %s\n", out)
	return nil
}
