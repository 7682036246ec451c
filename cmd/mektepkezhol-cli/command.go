package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/mektepkezhol/app/data"
)

// command is one subcommand; each lives in its own file and registers
// itself in init.
type command struct {
	name    string
	args    string // what follows the flags in the usage line
	summary string
	// flags declares the command's flags on fs and returns the function
	// that runs it with the remaining arguments.
	flags func(fs *flag.FlagSet) func(ctx context.Context, e *env, args []string) error
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// errProblems makes the command exit 1 after it printed what it found.
var errProblems = errors.New("problems found")

// usageError makes the command exit 2 with its usage.
type usageError string

func (u usageError) Error() string { return string(u) }

func (c *command) exec(ctx context.Context, e *env, args []string) int {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&e.dbPath, "db", e.dbPath, "database file")
	runFn := c.flags(fs)
	usage := func() {
		fmt.Fprintf(fs.Output(), "Usage: mektepkezhol-cli [--db PATH] %s [flags] %s\n%s\n\nFlags:\n", c.name, c.args, c.summary)
		fs.PrintDefaults()
	}
	// The flag package would print the usage itself before returning
	// ErrHelp, and --help then printed it twice: it is printed here once.
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(e.stdout)
			usage()
			return 0
		}
		usage()
		return exitUsage
	}
	err := runFn(ctx, e, fs.Args())
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errProblems):
		return exitProblems
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "mektepkezhol-cli %s: %s\n", c.name, ue)
		usage()
		return exitUsage
	default:
		fmt.Fprintf(e.stderr, "mektepkezhol-cli %s: %s\n", c.name, describe(err))
		return exitProblems
	}
}

// env is what every command shares: the database and the outputs.
type env struct {
	dbPath string
	store  *data.Store
	stdout io.Writer
	stderr io.Writer
}

// open opens the database once.
func (e *env) open() (*data.Store, error) {
	if e.store != nil {
		return e.store, nil
	}
	path := e.dbPath
	if path == "" {
		var err error
		if path, err = data.DefaultPath(); err != nil {
			return nil, err
		}
	}
	st, err := data.Open(path)
	if err != nil {
		return nil, err
	}
	e.store = st
	return st, nil
}

// campaign opens the database and finds the campaign of a year.
func (e *env) campaign(ctx context.Context, year int) (*data.Store, data.Campaign, error) {
	st, err := e.open()
	if err != nil {
		return nil, data.Campaign{}, err
	}
	if year == 0 {
		return nil, data.Campaign{}, usageError("--campaign YEAR is required")
	}
	c, err := st.FindCampaignByYear(ctx, year)
	return st, c, err
}

func (e *env) close() {
	if e.store != nil {
		e.store.Close()
	}
}

// describe words an error for the admin at the terminal.
func describe(err error) string {
	if errors.Is(err, data.ErrForbidden) {
		return fmt.Sprintf("%s (ask the office's head or admin)", err)
	}
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		return fmt.Sprintf("%s: field %s, value %q (%s)", err, ve.Field, ve.Value, ve.Key)
	}
	return err.Error()
}

// printJSON writes v as indented JSON, the form of every --json output.
func (e *env) printJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // URLs keep their & as they were typed
	return enc.Encode(v)
}
