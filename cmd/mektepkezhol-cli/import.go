package main

import (
	"context"
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
}

func init() {
	register(&command{name: "import", args: "children|sponsors FILE",
		summary: "import a school's list of children, or sponsors and their donations, from xlsx or csv (one transaction)",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			var f importFlags
			fs.IntVar(&f.school, "school", 0, "put every child of the list in school №N (default: the list's school column)")
			fs.IntVar(&f.year, "campaign", 0, "sponsors' lists with amounts: the campaign year of every donation (default: the campaign of each date)")
			fs.StringVar(&f.sheet, "sheet", "", "the sheet to read (default: the first sheet with a header)")
			fs.IntVar(&f.maxRows, "max-rows", exchange.DefaultMaxRows, "refuse a list of more rows")
			fs.BoolVar(&f.dryRun, "dry-run", false, "show what would be imported and write nothing")
			fs.BoolVar(&f.json, "json", false, "print the summary as JSON")
			fs.StringVar(&f.lang, "lang", "kk", "language of the problem messages: kk or ru")
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
	sh, err := exchange.Parse(args[1], exchange.ParseOptions{Kind: kind, Sheet: f.sheet, MaxRows: f.maxRows})
	if err != nil {
		return err
	}
	st, err := e.open()
	if err != nil {
		return err
	}
	settings, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	m, ok := exchange.RememberedMapping(settings, kind, sh)
	if !ok {
		m = exchange.AutoMap(kind, sh)
	}
	plan, err := exchange.Preview(ctx, st, sh, m, exchange.Options{Kind: kind, SchoolNumber: f.school,
		CampaignYear: f.year, Lang: f.lang})
	if err != nil {
		return err
	}
	sum := plan.Summary()
	if !f.dryRun {
		if sum, err = exchange.Commit(ctx, st, plan, nil); err != nil {
			return err
		}
	}
	if f.json {
		if err := e.printJSON(sum); err != nil {
			return err
		}
	} else {
		printImport(e, sh, sum, f.dryRun)
	}
	if sum.Rejected > 0 {
		return errProblems
	}
	return nil
}

func printImport(e *env, sh *exchange.Sheet, s exchange.Summary, dryRun bool) {
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
	w.Flush()
	for _, p := range s.Problems {
		fmt.Fprintln(e.stdout, "  "+p.Message)
	}
}
