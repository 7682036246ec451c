package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/mektepkezhol/app/cmd/internal/office"
	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
	"github.com/mektepkezhol/app/report"
)

// idList is a repeatable --sponsor flag.
type idList []int64

func (l *idList) String() string { return fmt.Sprint([]int64(*l)) }

func (l *idList) Set(s string) error {
	for _, part := range strings.Split(s, ",") {
		id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64)
		if err != nil || id <= 0 {
			return fmt.Errorf("sponsor id %q: a positive number expected", part)
		}
		*l = append(*l, id)
	}
	return nil
}

type lettersFlags struct {
	year               int
	lang               string
	sponsors           idList
	blank              bool
	out, outDir        string
	unthanked, calibre bool
	date               string
}

func init() {
	register(&command{name: "letters", args: "",
		summary: "print Алғыс хат letters to a campaign's sponsors (one PDF or one file each), list the unthanked, or a blank's calibration page",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			var f lettersFlags
			fs.IntVar(&f.year, "campaign", 0, "campaign year, e.g. 2019")
			fs.StringVar(&f.lang, "lang", "kk", "language of the letters: kk, ru or both")
			fs.Var(&f.sponsors, "sponsor", "a sponsor's ID (repeatable, or comma-separated); default: every donor of the campaign")
			fs.BoolVar(&f.blank, "blank", false, "print only the text, for pre-printed certificate blanks")
			fs.StringVar(&f.out, "out", "", "write one combined PDF to this file")
			fs.StringVar(&f.outDir, "out-dir", "", "write one PDF per sponsor into this folder")
			fs.BoolVar(&f.unthanked, "unthanked", false, "list the campaign's donors who have no letter yet, and print nothing")
			fs.StringVar(&f.date, "date", "", "the day new letters are issued on (dd.mm.yyyy); default: today")
			fs.BoolVar(&f.calibre, "calibrate", false, "write the calibration page for pre-printed blanks to --out")
			return func(ctx context.Context, e *env, _ []string) error { return runLetters(ctx, e, f) }
		}})
}

func runLetters(ctx context.Context, e *env, f lettersFlags) error {
	switch {
	case f.lang != "kk" && f.lang != "ru" && f.lang != "both":
		return usageError("--lang is kk, ru or both")
	case f.calibre && (f.out == "" || f.outDir != ""):
		return usageError("--calibrate writes one page: give --out FILE")
	case f.calibre:
	case f.unthanked && (f.out != "" || f.outDir != ""):
		return usageError("--unthanked only lists; drop --out and --out-dir")
	case !f.unthanked && (f.out == "") == (f.outDir == ""):
		return usageError("give either --out FILE or --out-dir DIR")
	}
	st, err := e.open()
	if err != nil {
		return err
	}
	if f.calibre {
		return office.WriteCalibration(ctx, st, f.out)
	}
	st, c, err := e.campaign(ctx, f.year)
	if err != nil {
		return err
	}
	if f.unthanked {
		return listUnthanked(ctx, e, st, c, f.lang)
	}
	opt, err := office.LetterOptions(ctx, st, f.blank)
	if err != nil {
		return err
	}
	// Refuse before anything is registered or written.
	if err := report.CheckLetterSettings(opt.Settings, f.lang); err != nil {
		return err
	}
	if opt, err = office.WithImages(opt); err != nil {
		return err
	}
	softMemoryLimit(lettersMemoryLimit)
	return printLetters(ctx, e, st, c, f, opt)
}

// lettersMemoryLimit is the soft limit of a letters batch: the batch is one
// PDF held in memory until it is written (about 5 KB a letter), and without
// a limit the collector lets garbage grow to as much again. At 5,520
// letters the peak RSS went from 173 to 149 MB, the CPU time unchanged.
const lettersMemoryLimit = 120 << 20

// softMemoryLimit asks the collector to keep the process's memory under
// limit bytes, unless GOMEMLIMIT says otherwise. It is a soft limit: a
// batch that needs more still gets it.
func softMemoryLimit(limit int64) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(limit)
	}
}

// listUnthanked lists the donors without a letter in the alphabet of
// lang, the order their letters will be numbered in.
func listUnthanked(ctx context.Context, e *env, st *data.Store, c data.Campaign, lang string) error {
	rows, err := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID, Unthanked: true})
	if err != nil {
		return err
	}
	if lang != "ru" {
		lang = "kk"
	}
	lingo.SortFunc(lang, rows, func(r data.SponsorRow) string { return lingo.FileUnder(r.NameIn(lang)) })
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tSponsor\tDonations\tMoney, ₸\tIn-kind items")
	for _, r := range rows {
		fmt.Fprintf(w, "%d\t%s\t%d\t%s\t%s\n", r.ID, r.Name, r.Donations, report.Number(r.MoneyTenge), report.Number(r.InKindItems))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%d sponsors of %d not yet thanked\n", len(rows), c.Year)
	return nil
}

// printLetters registers and prints the letters in one transaction: the
// register rows are written only if every file was written.
func printLetters(ctx context.Context, e *env, st *data.Store, c data.Campaign, f lettersFlags, opt report.LetterOptions) error {
	on, err := parseDay(f.date)
	if err != nil {
		return err
	}
	req := office.LettersRequest{SponsorIDs: f.sponsors, Lang: f.lang, Blank: f.blank, Out: f.out, OutDir: f.outDir, Date: on}
	res, err := office.PrintLettersWith(ctx, st, c, req, opt)
	var kept *office.LettersKeptError
	if errors.As(err, &kept) {
		// exit 1, as before: the letters are registered, the error names
		// the file they are kept in
		return fmt.Errorf("%d %w", res.Issued, err)
	}
	if err != nil {
		return err
	}
	where := f.out
	if where == "" {
		where = f.outDir
	}
	fmt.Fprintf(e.stdout, "%d letters written to %s (%d new, %d reprinted with their numbers)\n",
		res.Issued, where, res.Issued-res.Reprinted, res.Reprinted)
	return nil
}
