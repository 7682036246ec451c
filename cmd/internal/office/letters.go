package office

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
		files, err := writeLetterFiles(stage.dir, req, letters, opt)
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

// LettersKeptError means the letters were registered and written in full,
// but a file could not take its final name (Final): the finished files
// are kept where they were written (LettersResult.Kept), so the clerk can
// still print what the register says was issued.
type LettersKeptError struct {
	Final, Kept string // the first file not moved, and where it is
	Err         error
}

func (e *LettersKeptError) Error() string {
	return fmt.Sprintf("letters registered, but the file was not saved as %s (%v); the finished letters are kept in %s",
		e.Final, e.Err, e.Kept)
}

func (e *LettersKeptError) Unwrap() error { return e.Err }

// handOver gives each written file its final name. One that cannot take
// it (another program made a folder of that name meanwhile, say) stays in
// the stage, listed in res.Kept; the others are still moved.
func handOver(written []tempFile, res *LettersResult) error {
	var first *LettersKeptError
	for _, t := range written {
		if err := os.Rename(t.temp, t.final); err != nil {
			if first == nil {
				first = &LettersKeptError{Final: t.final, Kept: t.temp, Err: err}
			}
			res.Kept = append(res.Kept, t.temp)
			continue
		}
		res.Files = append(res.Files, t.final)
	}
	if first == nil {
		return nil
	}
	if len(res.Kept) > 1 {
		first.Kept = filepath.Dir(first.Kept) // the stage, holding them all
	}
	return first
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

// tempFile is a letter file written in the stage, and its final name.
type tempFile struct{ temp, final string }

// letterStage is the hidden folder a batch's files are written in before
// they get their names: beside the combined PDF, or inside the folder of
// one file per sponsor (made for the batch if new).
type letterStage struct {
	dir    string
	newDir string // the folder of one file each, if this batch made it
}

func newLetterStage(req LettersRequest) (letterStage, error) {
	var st letterStage
	parent := filepath.Dir(req.Out)
	if req.OutDir != "" {
		parent = req.OutDir
		if _, err := os.Stat(req.OutDir); errors.Is(err, os.ErrNotExist) {
			st.newDir = req.OutDir
		}
		if err := os.MkdirAll(req.OutDir, 0o700); err != nil {
			return st, err
		}
	}
	dir, err := os.MkdirTemp(parent, ".letters-*") // 0700
	if err != nil {
		st.close(false, false)
		return st, err
	}
	st.dir = dir
	return st, nil
}

// close removes the stage and what is left in it, unless it keeps
// finished letters that could not be moved (kept); unless the letters were
// registered (saved), also the folder the batch made, if it is empty.
func (st letterStage) close(saved, kept bool) {
	if st.dir != "" && !kept {
		os.RemoveAll(st.dir)
	}
	if !saved && st.newDir != "" {
		os.Remove(st.newDir) // only if empty
	}
}

// writeLetterFiles writes the combined PDF or one file per letter into the
// stage, emptied first: a run of the transaction that was refused and is
// retried leaves nothing behind, and nothing but the returned files is
// kept. A failed or cancelled batch leaves no file under a final name.
func writeLetterFiles(stage string, req LettersRequest, letters []report.Letter, opt report.LetterOptions) ([]tempFile, error) {
	if err := emptyFolder(stage); err != nil {
		return nil, err
	}
	var out []tempFile
	write := func(final string, ls []report.Letter) error {
		if err := CheckOutput(final); err != nil {
			return err
		}
		tmp := filepath.Join(stage, filepath.Base(final))
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		out = append(out, tempFile{tmp, final})
		if err := report.WriteLetters(f, ls, opt); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	if req.Out != "" {
		return out, write(req.Out, letters)
	}
	progress := opt.Progress
	opt.Progress = nil // per file: one page each, counted here
	for i, l := range letters {
		if err := opt.Context.Err(); err != nil {
			return out, err
		}
		name := filepath.Join(req.OutDir, fmt.Sprintf("%04d_%s.pdf", l.Number, FileSafe(l.Sponsor.Name)))
		if err := write(name, letters[i:i+1]); err != nil {
			return out, err
		}
		if progress != nil {
			progress(i+1, len(letters))
		}
	}
	return out, nil
}

// emptyFolder removes everything in dir.
func emptyFolder(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
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
