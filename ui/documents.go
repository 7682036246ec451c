package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// Documents is what the screens need to print the office's documents:
// Алғыс хат letters, the public reports, the press release and the
// handover sheets. The GUI main passes an adapter over cmd/internal/office
// with WithDocuments; ui itself knows nothing of report/.
type Documents interface {
	// CheckLetterSettings refuses a language the settings cannot sign in
	// (a *data.ValidationError with key err.letter.settings names the field).
	CheckLetterSettings(ctx context.Context, lang string) error
	PrintLetters(ctx context.Context, c data.Campaign, req LettersRequest, progress func(done, total int)) (LettersResult, error)
	WriteCalibration(ctx context.Context, path string) error
	LetterTemplate(ctx context.Context) (LetterTemplate, error)
	SaveLetterTemplate(ctx context.Context, t LetterTemplate) error
	// PreviewLetter writes the first donor's letter with t to path,
	// registering nothing.
	PreviewLetter(ctx context.Context, c data.Campaign, t LetterTemplate, lang, path string) error

	// WriteReport writes the public report dated on: format pdf or xlsx.
	WriteReport(ctx context.Context, campaignID int64, format, lang, path string, on time.Time) error
	// WriteRollUp writes the region's report of the offices' campaigns of
	// a year, added up: format pdf or xlsx.
	WriteRollUp(ctx context.Context, offices []data.Office, year int, format, lang, path string) error
	// PressRelease drafts the press release dated on.
	PressRelease(ctx context.Context, campaignID int64, lang string, on time.Time) (string, error)
	// WriteHandover writes a school's handover sheet (0600: children's
	// names) and returns how many children it lists.
	WriteHandover(ctx context.Context, c data.Campaign, school int, day time.Time, lang, path string) (int, error)
}

// LettersRequest says which letters to print and where.
type LettersRequest struct {
	SponsorIDs  []int64 // empty: every donor (not yet thanked, with Unthanked)
	Unthanked   bool
	Lang        string    // kk, ru or both
	Blank       bool      // only the text, for pre-printed blanks
	Out, OutDir string    // one combined PDF, or one file per sponsor
	Date        time.Time // the day new letters are issued on; zero: today
}

// LettersResult tells what was printed.
type LettersResult struct {
	Issued, Reprinted int
	Files             []string
	Kept              []string // finished files that could not take their names
}

// LetterTemplate mirrors the letter template's editable fields.
type LetterTemplate struct {
	BodyKK, BodyRU, WishesKK, WishesRU string
	ShowContribution, ShowReach        bool
	BlankOffsetXmm, BlankOffsetYmm     float64
	SignatureImage, StampImage         string
}

// Option sets up what New cannot find in the store itself.
type Option func(*App)

// WithDocuments gives the screens the office's documents over a store:
// open is called again with the reopened store after a restore, so no
// document is ever written from a closed database. Without it the letters
// and reports say they are not available.
func WithDocuments(open func(st *data.Store) Documents) Option {
	return func(u *App) { u.openDocs = open }
}

// bindDocuments makes the documents read the app's current store.
func (u *App) bindDocuments() {
	u.docs = nil
	if st, ok := u.st.(*data.Store); ok && u.openDocs != nil {
		u.docs = u.openDocs(st)
	}
}

// documentsDir is the folder documents are saved into by default: the
// user's Documents folder, created if missing. Tests replace it.
var documentsDir = func() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(home, "Documents")
	return dir, os.MkdirAll(dir, 0o700)
}

// openDocument shows a written file in the system's default application.
// Tests replace it.
var openDocument = func(a fyne.App, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/Users/… → file:///C:/Users/…
	}
	return a.OpenURL(&url.URL{Scheme: "file", Path: p})
}

// freePath returns dir/name+ext, or «name (2)ext» … if that exists, so a
// document never overwrites an earlier one.
func freePath(dir, name, ext string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return -1
		}
		return r
	}, name)
	p := filepath.Join(dir, name+ext)
	for i := 2; ; i++ {
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return p
		}
		p = filepath.Join(dir, fmt.Sprintf("%s (%d)%s", name, i, ext))
	}
}

// folderPicker is a folder shown as a label with a button to change it;
// it starts in the last documents folder chosen.
type folderPicker struct {
	u     *App
	dir   string
	label *widget.Label
}

func newFolderPicker(u *App) *folderPicker {
	f := &folderPicker{u: u, label: widget.NewLabel("")}
	f.label.Wrapping = fyne.TextWrapBreak // a long path is shown whole
	dir := u.app.Preferences().String(folderDocuments.key())
	if fi, err := os.Stat(dir); dir == "" || err != nil || !fi.IsDir() {
		if dir, err = documentsDir(); err != nil {
			fyne.LogError("documents folder", err)
			dir = os.TempDir()
		}
	}
	f.set(dir)
	return f
}

func (f *folderPicker) set(dir string) {
	f.dir = dir
	f.label.SetText(dir)
}

func (f *folderPicker) buildUI() fyne.CanvasObject {
	change := widget.NewButton(lang.L("docs.change_folder"), f.onChangeTapped)
	return container.NewBorder(nil, nil, nil, change, f.label)
}

func (f *folderPicker) onChangeTapped() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			showError(f.u.win, err)
			return
		}
		if l != nil {
			f.set(l.Path())
			f.u.rememberFolder(folderDocuments, l.Path())
		}
	}, f.u.win)
	f.u.startIn(d, folderDocuments)
	d.Resize(f.u.win.Canvas().Size().Subtract(fyne.NewSize(120, 120)))
	f.u.showFileDialog(d)
}

// progressDialog shows a running job with a bar and a Cancel button that
// cancels the job's context.
type progressDialog struct {
	d      *dialog.CustomDialog
	bar    *widget.ProgressBar
	ctx    context.Context
	cancel context.CancelFunc
}

func newProgressDialog(w fyne.Window, title string) *progressDialog {
	p := &progressDialog{bar: widget.NewProgressBar()}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	cancel := widget.NewButton(lang.L("action.cancel"), p.cancel)
	p.d = dialog.NewCustomWithoutButtons(title, container.NewVBox(p.bar, container.NewCenter(cancel)), w)
	p.d.Resize(fyne.NewSize(420, 140))
	return p
}

// progress is the job's callback: called off the UI goroutine.
func (p *progressDialog) progress(done, total int) {
	if total > 0 {
		fyne.Do(func() { p.bar.SetValue(float64(done) / float64(total)) })
	}
}

func (p *progressDialog) hide() {
	p.cancel()
	p.d.Hide()
}

// isCancelled tells whether err is the clerk's Cancel.
func isCancelled(err error) bool { return errors.Is(err, context.Canceled) }

// Inline makes the screens' slow work run on the calling goroutine, for
// tests that drive the workspace with Fyne's test driver from another
// package (cmd/mektepkezhol); the returned function restores the default.
func Inline() (restore func()) {
	old := background
	background = func(work func()) { work() }
	return func() { background = old }
}
