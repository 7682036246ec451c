// Command mektepkezhol-cli is the headless side of the app: demo data,
// figures, checks, letters, reports, import and backup, for scripts and admins.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// exitProblems is the exit code of a command that ran and found problems.
const exitProblems = 1

// exitUsage is the exit code of a call whose words are wrong.
const exitUsage = 2

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	global := flag.NewFlagSet("mektepkezhol-cli", flag.ContinueOnError)
	global.SetOutput(stderr)
	dbPath := global.String("db", "", "database file (default: $MEKTEPKEZHOL_DB or the user config folder)")
	global.Usage = func() { usage(stderr) }
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return exitUsage
	}
	rest := global.Args()
	if len(rest) == 0 || rest[0] == "help" || rest[0] == "--help" {
		if len(rest) > 1 {
			if c, ok := commands[rest[1]]; ok {
				return c.exec(ctx, &env{dbPath: *dbPath, stdout: stdout, stderr: stderr}, []string{"--help"})
			}
		}
		usage(stdout)
		if len(rest) == 0 {
			return exitUsage
		}
		return 0
	}
	c, ok := commands[rest[0]]
	if !ok {
		fmt.Fprintf(stderr, "mektepkezhol-cli: unknown command %q\n\n", rest[0])
		usage(stderr)
		return exitUsage
	}
	e := &env{dbPath: *dbPath, stdout: stdout, stderr: stderr}
	defer e.close()
	return c.exec(ctx, e, rest[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: mektepkezhol-cli [--db PATH] <command> [flags]")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-14s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'mektepkezhol-cli <command> --help' for a command's flags.")
}
