package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/mektepkezhol/app/data/exchange"
)

type importFlags struct {
	school, year int
	maxRows      int
	sheet, lang  string
	dryRun, json bool
	addItems     bool
	maps         mapFlags
}

// mapFlags are the repeated --map COLUMN=FIELD.
type mapFlags []string

func (m *mapFlags) String() string { return strings.Join(*m, " ") }

func (m *mapFlags) Set(v string) error {
	*m = append(*m, v)
	return nil
}

// importExit says the exit codes of import once, in its --help.
const importExit = `Exit status:
  0  every row is in
  1  committed, some rows rejected (the problems, and the JSON's "problems", say which);
     with --dry-run: some rows would be rejected
  2  nothing written: wrong words, an unreadable file, a column that holds amounts or
     gifts but is mapped to no field (map it with --map), or a failed commit

A sponsors' list is read into sponsors and their donations: money (the amount
column) and gifts in kind («рюкзак 25 дана; аяқ киім 20 жұп»), whose items are
found in the item catalogue by their kk or ru names. Examples:
  import sponsors list.xlsx --map E=amount --map F=in_kind --json
  import sponsors list.xlsx --add-items`

func init() {
	register(&command{name: "import", args: "children|sponsors FILE",
		summary: "import a school's list of children, or sponsors and their donations, from xlsx or csv (one transaction)",
		after:   importExit,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			var f importFlags
			fs.IntVar(&f.school, "school", 0, "put every child of the list in school №N (default: the list's school column)")
			fs.IntVar(&f.year, "campaign", 0, "sponsors' lists with amounts: the campaign year of every donation (default: the campaign of each date)")
			fs.StringVar(&f.sheet, "sheet", "", "the sheet to read (default: the first sheet with a header)")
			fs.IntVar(&f.maxRows, "max-rows", exchange.DefaultMaxRows, "refuse a list of more rows")
			fs.BoolVar(&f.dryRun, "dry-run", false, "show what would be imported and write nothing")
			fs.BoolVar(&f.json, "json", false, "print the summary as JSON")
			fs.StringVar(&f.lang, "lang", "kk", "language of the problem messages: kk or ru")
			fs.BoolVar(&f.addItems, "add-items", false, "sponsors: add the gifts the item catalogue lacks to it (default: such a row is rejected)")
			fs.Var(&f.maps, "map", "`COL=FIELD`: read the column as that field, whatever its header says (repeatable: --map E=amount --map F=in_kind; COL=none leaves it out on purpose)")
			return func(ctx context.Context, e *env, args []string) error {
				args, err := interspersed(fs, args)
				if err != nil {
					return err
				}
				return runImport(ctx, e, f, args)
			}
		}})
}

// interspersed parses flags that follow the positional arguments
// («import children list.xlsx --school 7») and returns the positional ones.
func interspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		if !strings.HasPrefix(args[0], "-") || args[0] == "-" {
			pos, args = append(pos, args[0]), args[1:]
			continue
		}
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError(err.Error())
		}
		args = fs.Args()
	}
	return pos, nil
}

func runImport(ctx context.Context, e *env, f importFlags, args []string) error {
	if len(args) != 2 || (args[0] != string(exchange.Children) && args[0] != string(exchange.Sponsors)) {
		return usageError("give children|sponsors and the FILE")
	}
	if f.lang != "kk" && f.lang != "ru" {
		return usageError("--lang is kk or ru")
	}
	kind := exchange.Kind(args[0])
	if kind == exchange.Sponsors && f.school != 0 {
		return usageError("--school is for lists of children")
	}
	if kind == exchange.Children && f.year != 0 {
		return usageError("--campaign is for lists of sponsors")
	}
	softMemoryLimit(importMemoryLimit)
	sh, err := exchange.Parse(args[1], exchange.ParseOptions{Kind: kind, Sheet: f.sheet, MaxRows: f.maxRows})
	if err != nil {
		return nothingWritten{err}
	}
	st, err := e.open()
	if err != nil {
		return nothingWritten{err}
	}
	settings, err := st.Settings(ctx)
	if err != nil {
		return nothingWritten{err}
	}
	m, ok := exchange.RememberedMapping(settings, kind, sh)
	if !ok {
		m = exchange.AutoMap(kind, sh)
	}
	if err := applyMaps(m, kind, f.maps); err != nil {
		return err
	}
	plan, err := exchange.Preview(ctx, st, sh, m, exchange.Options{Kind: kind, SchoolNumber: f.school,
		CampaignYear: f.year, Lang: f.lang, AddItems: f.addItems, Unmatched: !f.dryRun, DropCells: true})
	if err != nil {
		return nothingWritten{err}
	}
	sum := plan.Summary()
	if !f.dryRun {
		if sum, err = exchange.Commit(ctx, st, plan, nil); err != nil {
			return nothingWritten{err}
		}
	}
	if f.json {
		if err := e.printJSON(sum); err != nil {
			return err
		}
	} else {
		printImport(e, sh, sum, f.dryRun, kind)
	}
	if sum.Rejected > 0 {
		return errProblems
	}
	return nil
}

// importMemoryLimit is the soft limit of an import's Go memory (SQLite's
// page cache, up to 64 MB, comes on top). A 100,000-row list keeps about
// 120 MB live at its peak, and without a limit the collector lets garbage
// grow to as much again: 310 MB peak RSS, 249 MB with the limit, at the
// same CPU time. At 128 MB the collector thrashes (+20% CPU).
const importMemoryLimit = 160 << 20

// applyMaps lays the --map COL=FIELD choices over the headers' mapping:
// the field moves to the column, which holds no other field.
func applyMaps(m exchange.Mapping, kind exchange.Kind, maps []string) error {
	for _, v := range maps {
		letters, code, ok := strings.Cut(v, "=")
		col, colOK := exchange.ColumnIndex(letters)
		if !ok || !colOK {
			return usageError(fmt.Sprintf("--map %s: give COLUMN=FIELD, e.g. --map E=amount", v))
		}
		code = strings.TrimSpace(code)
		if code == "" || code == "none" {
			exchange.LeaveOut(m, col)
			continue
		}
		known := false
		for _, fl := range exchange.Fields(kind) {
			known = known || fl.Code == code
		}
		if !known {
			return usageError(fmt.Sprintf("--map %s: no field %q in a list of %s (fields: %s)", v, code, kind, fieldCodes(kind)))
		}
		for c, at := range m {
			if at == col {
				delete(m, c)
			}
		}
		m[code] = col
	}
	return nil
}

func fieldCodes(kind exchange.Kind) string {
	var codes []string
	for _, fl := range exchange.Fields(kind) {
		codes = append(codes, fl.Code)
	}
	return strings.Join(codes, ", ")
}

func printImport(e *env, sh *exchange.Sheet, s exchange.Summary, dryRun bool, kind exchange.Kind) {
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	verb := "Imported"
	if dryRun {
		verb = "Would import (dry run, nothing written)"
	}
	fmt.Fprintf(w, "Sheet\t%s (header in row %d)\n", sh.Name, sh.HeaderRow)
	fmt.Fprintf(w, "Rows\t%d\n", s.Rows)
	fmt.Fprintf(w, "%s\t%d new, %d updated, %d unchanged\n", verb, s.Imported, s.Updated, s.Unchanged)
	fmt.Fprintf(w, "Duplicates in the file\t%d\n", s.Duplicates)
	fmt.Fprintf(w, "Rejected\t%d\n", s.Rejected)
	if kind == exchange.Sponsors {
		fmt.Fprintf(w, "Donations added\t%d: %d ₸ in money, %d items in kind\n", s.DonationsAdded, s.MoneyTengeAdded, s.InKindAdded)
		if s.ItemsAdded > 0 {
			fmt.Fprintf(w, "Items added to the catalogue\t%d\n", s.ItemsAdded)
		}
	}
	var left []string
	for _, c := range s.Columns {
		if c.Field == nil && c.Header != "" {
			left = append(left, c.Column+" «"+c.Header+"»")
		}
	}
	if len(left) > 0 {
		fmt.Fprintf(w, "Columns not read\t%s\n", strings.Join(left, ", "))
	}
	w.Flush()
	for _, p := range s.Problems {
		fmt.Fprintln(e.stdout, "  "+p.Message)
	}
}
