package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"syscall"

	"github.com/mektepkezhol/app/data"
)

// command is one subcommand; each lives in its own file and registers
// itself in init.
type command struct {
	name    string
	args    string // what follows the flags in the usage line
	summary string
	// after, when set, is said once below the flags: exit codes, examples.
	after string
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
	usage := func(w io.Writer) {
		fmt.Fprintf(w, "Usage: mektepkezhol-cli [--db PATH] %s [flags] %s\n%s\n\nFlags:\n", c.name, c.args, c.summary)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(e.stderr)
		if c.after != "" {
			fmt.Fprintf(w, "\n%s\n", c.after)
		}
	}
	// The flag package would print the usage itself on --help and on a bad
	// flag; it is printed here, once.
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(e.stdout)
			return 0
		}
		usage(e.stderr)
		return exitUsage
	}
	err := runFn(ctx, e, fs.Args())
	var (
		ue usageError
		nw nothingWritten
	)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		usage(e.stdout)
		return 0
	case errors.Is(err, errProblems):
		return exitProblems
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "mektepkezhol-cli %s: %s\n", c.name, ue)
		usage(e.stderr)
		return exitUsage
	case errors.As(err, &nw):
		fmt.Fprintf(e.stderr, "mektepkezhol-cli %s: %s\n", c.name, describe(nw.err))
		return exitUsage
	default:
		fmt.Fprintf(e.stderr, "mektepkezhol-cli %s: %s\n", c.name, describe(err))
		return exitProblems
	}
}

// nothingWritten makes the command exit 2 after saying why: it refused
// or failed before anything was saved.
type nothingWritten struct{ err error }

func (n nothingWritten) Error() string { return n.err.Error() }

func (n nothingWritten) Unwrap() error { return n.err }

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

// openForReading opens the database for a command that only reads: where
// the file or its folder may not be written (a write-protected stick, a
// colleague's shared folder), it is opened read-only instead of refused.
func (e *env) openForReading(ctx context.Context) (*data.Store, error) {
	st, err := e.open()
	if err == nil || !unwritable(err) {
		return st, err
	}
	path := e.dbPath
	if path == "" {
		if path, err = data.DefaultPath(); err != nil {
			return nil, err
		}
	}
	if st, err = data.OpenReadOnly(ctx, path); err != nil {
		return nil, err
	}
	e.store = st
	return st, nil
}

func unwritable(err error) bool {
	return errors.Is(err, data.ErrReadOnlyFolder) || errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// campaignForReading is campaign for a command that only reads.
func (e *env) campaignForReading(ctx context.Context, year int) (*data.Store, data.Campaign, error) {
	if _, err := e.openForReading(ctx); err != nil {
		return nil, data.Campaign{}, err
	}
	return e.campaign(ctx, year)
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
	if key := passphraseKey(err); key != "" {
		return err.Error() + "\n" + officeWords(key)
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
