package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/mektepkezhol/app/data"
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
	settings, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	tpl, err := report.LoadLetterTemplate(settings)
	if err != nil {
		return err
	}
	opt := report.LetterOptions{Settings: settings, Template: tpl, Blank: f.blank || f.calibre, Context: ctx}
	if f.calibre {
		return writeAtomically(f.out, func(w *os.File) error { return report.WriteCalibration(w, opt) })
	}
	st, c, err := e.campaign(ctx, f.year)
	if err != nil {
		return err
	}
	if f.unthanked {
		return listUnthanked(ctx, e, st, c)
	}
	// Refuse before anything is registered or written.
	if err := report.CheckLetterSettings(settings, f.lang); err != nil {
		return err
	}
	if opt.Signature, err = readOptional(tpl.SignatureImage); err != nil {
		return err
	}
	if opt.Stamp, err = readOptional(tpl.StampImage); err != nil {
		return err
	}
	return printLetters(ctx, e, st, c, f, opt)
}

func listUnthanked(ctx context.Context, e *env, st *data.Store, c data.Campaign) error {
	rows, err := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID, Unthanked: true})
	if err != nil {
		return err
	}
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

func readOptional(path string) ([]byte, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("letter template image: %w", err)
	}
	return b, nil
}

// printLetters registers and prints the letters in one transaction: the
// register rows are written only if every file was written.
func printLetters(ctx context.Context, e *env, st *data.Store, c data.Campaign, f lettersFlags, opt report.LetterOptions) error {
	sponsors, err := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID, OnlyDonors: len(f.sponsors) == 0, IDs: f.sponsors})
	if err != nil {
		return err
	}
	if err := checkRequested(f.sponsors, sponsors); err != nil {
		return err
	}
	if len(sponsors) == 0 {
		return fmt.Errorf("campaign %d has no donors to thank", c.Year)
	}
	ids := make([]int64, len(sponsors))
	for i, sp := range sponsors {
		ids[i] = sp.ID
	}
	gifts, err := st.TraceGifts(ctx, c.ID, ids)
	if err != nil {
		return err
	}
	var written []tempFile
	defer func() {
		for _, t := range written {
			os.Remove(t.temp) // left only if the batch failed
		}
	}()
	issued, err := st.IssueLetters(ctx, c.ID, ids, f.lang, data.Day(st.Now()), func(reg []data.Letter) error {
		letters := make([]report.Letter, len(reg))
		for i, l := range reg {
			letters[i] = report.Letter{Number: l.Number, Lang: f.lang, IssuedOn: l.IssuedOn, Campaign: c,
				Sponsor: sponsors[i].Sponsor, Gift: gifts[l.SponsorID]}
		}
		var err error
		written, err = writeLetterFiles(f, letters, opt)
		return err
	})
	if err != nil {
		return err
	}
	for _, t := range written {
		if err := os.Rename(t.temp, t.final); err != nil {
			return fmt.Errorf("letters registered, but the file was not saved: %w", err)
		}
	}
	written = nil
	reprints := 0
	for i, l := range issued {
		if sponsors[i].LetterNumber == l.Number {
			reprints++
		}
	}
	where := f.out
	if where == "" {
		where = f.outDir
	}
	fmt.Fprintf(e.stdout, "%d letters written to %s (%d new, %d reprinted with their numbers)\n",
		len(issued), where, len(issued)-reprints, reprints)
	return nil
}

// checkRequested names the --sponsor IDs that do not exist.
func checkRequested(want []int64, found []data.SponsorRow) error {
	have := map[int64]bool{}
	for _, sp := range found {
		have[sp.ID] = true
	}
	for _, id := range want {
		if !have[id] {
			return fmt.Errorf("sponsor #%d: %w", id, data.ErrNotFound)
		}
	}
	return nil
}

// tempFile is a letter file written beside its final name.
type tempFile struct{ temp, final string }

// writeLetterFiles writes the combined PDF or one file per letter under
// temporary names, so a failed or cancelled batch leaves no partial file.
func writeLetterFiles(f lettersFlags, letters []report.Letter, opt report.LetterOptions) ([]tempFile, error) {
	var out []tempFile
	write := func(final string, ls []report.Letter) error {
		tmp, err := os.CreateTemp(filepath.Dir(final), ".letters-*.tmp") // 0600
		if err != nil {
			return err
		}
		out = append(out, tempFile{tmp.Name(), final})
		if err := report.WriteLetters(tmp, ls, opt); err != nil {
			tmp.Close()
			return err
		}
		return tmp.Close()
	}
	if f.out != "" {
		return out, write(f.out, letters)
	}
	if err := os.MkdirAll(f.outDir, 0o700); err != nil {
		return out, err
	}
	for i, l := range letters {
		if err := opt.Context.Err(); err != nil {
			return out, err
		}
		name := filepath.Join(f.outDir, fmt.Sprintf("%04d_%s.pdf", l.Number, fileSafe(l.Sponsor.Name)))
		if err := write(name, letters[i:i+1]); err != nil {
			return out, err
		}
	}
	return out, nil
}

// writeAtomically writes path through a temporary file renamed at the end.
func writeAtomically(path string, fn func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".letters-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := fn(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// fileSafe turns a sponsor's name into a file name on every system.
func fileSafe(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|«»“”'`, r) || r < ' ' {
			return -1
		}
		if r == ' ' {
			return '_'
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 60 {
		name = string(r[:60])
	}
	if name == "" {
		return "sponsor"
	}
	return name
}
