package office

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
	"github.com/mektepkezhol/app/report"
)

// LettersRequest says which letters to print and where.
type LettersRequest struct {
	// SponsorIDs are the sponsors to thank; empty means every donor of the
	// campaign (only those not yet thanked, with Unthanked).
	SponsorIDs []int64
	Unthanked  bool
	Lang       string // kk, ru or both
	Blank      bool   // only the text, for pre-printed blanks
	// Out is one combined PDF; OutDir, instead, gets one file per sponsor.
	Out, OutDir string
	// Date is the day a new letter is issued on (its place line and its
	// register entry); zero means today. A reprint keeps its own date.
	Date time.Time
}

// LettersResult tells what PrintLetters wrote.
type LettersResult struct {
	Issued, Reprinted int
	Files             []string
	// Kept are finished files that could not take their final names
	// (with a *LettersKeptError): they stay where they were written.
	Kept []string
}

// LetterOptions loads the letter template and the images from the
// settings into the options report.WriteLetters takes.
func LetterOptions(ctx context.Context, st *data.Store, blank bool) (report.LetterOptions, error) {
	settings, err := st.Settings(ctx)
	if err != nil {
		return report.LetterOptions{}, err
	}
	tpl, err := report.LoadLetterTemplate(settings)
	if err != nil {
		return report.LetterOptions{}, err
	}
	return report.LetterOptions{Settings: settings, Template: tpl, Blank: blank, Context: ctx}, nil
}

// WriteCalibration writes the calibration page for pre-printed blanks to
// path, shifted by the saved blank offsets.
func WriteCalibration(ctx context.Context, st *data.Store, path string) error {
	opt, err := LetterOptions(ctx, st, true)
	if err != nil {
		return err
	}
	return WriteFileAtomically(path, 0o644, func(w io.Writer) error { return report.WriteCalibration(w, opt) })
}

// WithImages returns opt with the template's signature and stamp read.
func WithImages(opt report.LetterOptions) (report.LetterOptions, error) {
	err := readImages(&opt)
	return opt, err
}

// readImages reads the template's optional signature and stamp.
func readImages(opt *report.LetterOptions) error {
	var err error
	if opt.Signature, err = readOptional(opt.Template.SignatureImage); err != nil {
		return err
	}
	opt.Stamp, err = readOptional(opt.Template.StampImage)
	return err
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

// PrintLetters registers and prints the letters of campaign c in one
// transaction: the register rows are written only if every file was
// written, and a failed or cancelled batch leaves no file. Missing
// head-of-department settings are refused before anything is registered.
// progress, if set, is called after each page.
func PrintLetters(ctx context.Context, st *data.Store, c data.Campaign, req LettersRequest, progress func(done, total int)) (LettersResult, error) {
	opt, err := LetterOptions(ctx, st, req.Blank)
	if err != nil {
		return LettersResult{}, err
	}
	opt.Progress = progress
	if err := readImages(&opt); err != nil {
		return LettersResult{}, err
	}
	return PrintLettersWith(ctx, st, c, req, opt)
}

// PrintLettersWith is PrintLetters with the options given: opt.Progress is
// called after each page (after each file with req.OutDir).
func PrintLettersWith(ctx context.Context, st *data.Store, c data.Campaign, req LettersRequest, opt report.LetterOptions) (LettersResult, error) {
	var res LettersResult
	if (req.Out == "") == (req.OutDir == "") {
		return res, fmt.Errorf("letters: give either a file or a folder")
	}
	if err := report.CheckLetterSettings(opt.Settings, req.Lang); err != nil {
		return res, err
	}
	opt.Blank = req.Blank
	// The gifts are traced on the other core while the sponsors are found,
	// sorted and registered: only the pages need them.
	var traceIDs []int64 // nil: every donor
	if len(req.SponsorIDs) > 0 {
		traceIDs = req.SponsorIDs
	}
	traced, stopTrace := traceAhead(ctx, st, c.ID, traceIDs)
	defer stopTrace()
	sponsors, err := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID, OnlyDonors: len(req.SponsorIDs) == 0,
		Unthanked: req.Unthanked, IDs: req.SponsorIDs})
	if err != nil {
		return res, err
	}
	if err := checkRequested(req.SponsorIDs, sponsors); err != nil {
		return res, err
	}
	if len(sponsors) == 0 {
		return res, fmt.Errorf("campaign %d: %w", c.Year, ErrNoDonors)
	}
	// In alphabetical order (Ә after А, not after Я), so the new register
	// numbers follow the alphabet too. Each name's key is made once: built
	// at every comparison, the legal form's split took a tenth of a batch.
	lingo.SortByKeys(sortLang(req.Lang), sponsors, func(sp data.SponsorRow) []string {
		return []string{sortName(sp.Sponsor, req.Lang)}
	})
	ids := make([]int64, len(sponsors))
	for i, sp := range sponsors {
		ids[i] = sp.ID
	}
	stage, err := newLetterStage(req)
	if err != nil {
		return res, err
	}
	saved := false
	defer func() { stage.close(saved, len(res.Kept) > 0) }()
	var written []tempFile
	issued, err := st.IssueLetters(ctx, c.ID, ids, req.Lang, issueDay(st, req.Date), func(reg []data.Letter) error {
		// The combined file's document is made ready (its fonts read, its
		// border drawn, its output's memory taken) while the gifts may
		// still be traced.
		var batch *report.LetterBatch
		if req.Out != "" {
			b, err := report.NewLetterBatch(opt, len(ids), req.Lang)
			if err != nil {
				return err
			}
			batch = b
		}
		gifts, err := traced()
		if err != nil {
			return err
		}
		letters := make([]report.Letter, len(reg))
		for i, l := range reg {
			letters[i] = report.Letter{Number: l.Number, Lang: req.Lang, IssuedOn: l.IssuedOn, Campaign: c,
				Sponsor: sponsors[i].Sponsor, Gift: gifts[l.SponsorID]}
		}
		// The closure may run again (a retried transaction): it starts from
		// an empty stage and hands its files over whole, only when all are
		// written.
		files, err := writeLetterFiles(stage.dir, req, letters, opt, batch)
		if err != nil {
			return err
		}
		written = files
		return nil
	})
	if err != nil {
		return res, err
	}
	saved = true // registered: the folder stays, whatever the renames do
	for i, l := range issued {
		if sponsors[i].LetterNumber == l.Number {
			res.Reprinted++
		}
	}
	res.Issued = len(issued)
	err = handOver(written, &res)
	return res, err
}

// traceAhead traces the gifts of the sponsors (nil: every donor) of
// campaign campaignID on a goroutine of its own. gifts waits for the
// traces, and gives the same answer each time it is called (a retried
// transaction calls it again); stop cancels the trace if it is still
// running and waits for it.
func traceAhead(ctx context.Context, st *data.Store, campaignID int64, sponsorIDs []int64) (
	gifts func() (map[int64]data.GiftTrace, error), stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var traces map[int64]data.GiftTrace
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		traces, err = st.TraceGifts(ctx, campaignID, sponsorIDs)
	}()
	gifts = func() (map[int64]data.GiftTrace, error) {
		<-done
		return traces, err
	}
	return gifts, func() {
		cancel()
		<-done
	}
}

// ErrNoDonors means there is no one to thank in the campaign.
var ErrNoDonors = errors.New("no donors to thank")

// checkRequested names the requested sponsor IDs that do not exist.
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

// CheckLetterSettings tells whether the saved settings can sign letters in
// lang (kk, ru or both); the error names the missing field.
func CheckLetterSettings(ctx context.Context, st *data.Store, lang string) error {
	settings, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	return report.CheckLetterSettings(settings, lang)
}

// issueDay is the day asked for, or today.
func issueDay(st *data.Store, on time.Time) time.Time {
	if on.IsZero() {
		on = st.Now()
	}
	return data.Day(on)
}

// sortLang is the alphabet a batch of letters in lang is ordered by.
func sortLang(lang string) string {
	if lang == "ru" {
		return "ru"
	}
	return "kk"
}

// sortName is the name a sponsor files under: without the legal form and
// the quotes, so «"Береке" ЖШС» files under Б.
func sortName(sp data.Sponsor, lang string) string {
	return lingo.FileUnder(sp.NameIn(sortLang(lang)))
}
