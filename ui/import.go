package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

// exchangeStore is what the import, the backup and the restore need of
// the database beyond the screens' Store.
type exchangeStore interface {
	FindCampaignByYear(ctx context.Context, year int) (data.Campaign, error)
	Version(ctx context.Context) (int, error)
	ImportChildren(ctx context.Context, cs []data.Child, opt data.ImportOptions) ([]data.ImportOutcome, error)
	ImportSponsors(ctx context.Context, rows []data.SponsorImport, opt data.ImportOptions) ([]data.ImportOutcome, error)
	Backup(ctx context.Context, dest string) error
	Close() error
}

var (
	_ exchange.ImportStore = Store(nil)
	_ exchange.ExportStore = Store(nil)
)

// importWizard walks the clerk through an import in one dialog: the
// file's sheet and columns, a preview of what the import will do, the
// import itself with a progress bar, and its summary.
type importWizard struct {
	u    *App
	kind exchange.Kind
	done func() // reloads the list after an import
	path string

	sheet   *exchange.Sheet
	mapping exchange.Mapping
	plan    *exchange.Plan
	result  exchange.Summary

	dlg        *dialog.CustomDialog
	body       *fyne.Container
	heading    *widget.Label
	back, next *widget.Button
	school     *lineEntry     // children: the school № of every child
	campaign   *widget.Select // sponsors: the campaign of every donation
	sheets     *widget.Select
	missing    *widget.Label
	progress   *widget.ProgressBar
	addItems   *widget.Check // sponsors: add the gifts the catalogue lacks
	problems   []exchange.Problem
	// autoPreview goes on to the preview once the columns are mapped (the tour).
	autoPreview bool
}

func newImportWizard(u *App, kind exchange.Kind, done func()) *importWizard {
	w := &importWizard{u: u, kind: kind, done: done, body: container.NewStack(),
		heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	w.back = widget.NewButtonWithIcon(lang.L("import.back"), theme.NavigateBackIcon(), w.onBackTapped)
	w.next = widget.NewButtonWithIcon(lang.L("import.next"), theme.NavigateNextIcon(), w.onNextTapped)
	w.next.Importance = widget.HighImportance
	w.next.IconPlacement = widget.ButtonIconTrailingText
	w.school = newLineEntry()
	w.school.SetPlaceHolder(lang.L("import.school_from_list"))
	years := []string{lang.L("import.campaign_by_date")}
	for _, c := range u.campaigns {
		years = append(years, strconv.Itoa(c.Year))
	}
	w.campaign = newSelect(years, nil)
	w.campaign.SetSelectedIndex(0)
	w.missing = widget.NewLabel("")
	w.missing.Wrapping = fyne.TextWrapWord
	w.missing.Importance = widget.DangerImportance
	w.progress = widget.NewProgressBar()
	w.addItems = widget.NewCheck(lang.L("import.add_items"), func(bool) {
		if w.plan != nil {
			w.preview()
		}
	})
	return w
}

// onImportTapped asks for a list of kind and starts the wizard on it.
func (u *App) onImportTapped(kind exchange.Kind, done func()) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(u.win, err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.rememberFile(folderImport, path)
		newImportWizard(u, kind, done).open(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv", ".txt"}))
	u.startIn(d, folderImport)
	d.Resize(u.win.Canvas().Size().Subtract(fyne.NewSize(120, 120)))
	u.showFileDialog(d)
}

// open reads the file at path and shows the column step.
func (w *importWizard) open(path string) {
	w.path = path
	w.load("")
}

// load parses the sheet (the first with a header when "") off the UI
// goroutine.
func (w *importWizard) load(sheet string) {
	background(func() {
		sh, err := exchange.Parse(w.path, exchange.ParseOptions{Kind: w.kind, Sheet: sheet})
		fyne.Do(func() {
			if err != nil {
				w.showError(err)
				return
			}
			w.sheet = sh
			w.recallSchool() // ui/import_school.go
			if m, ok := exchange.RememberedMapping(w.u.settings, w.kind, sh); ok {
				w.mapping = m
			} else {
				w.mapping = exchange.AutoMap(w.kind, sh)
			}
			w.showMapping()
			if w.autoPreview && !w.next.Disabled() {
				w.preview()
			}
		})
	})
}

// show puts a step in the dialog, creating the dialog on the first step.
func (w *importWizard) show(heading string, step fyne.CanvasObject) {
	w.heading.SetText(heading)
	w.body.Objects = []fyne.CanvasObject{step}
	w.body.Refresh()
	if w.dlg != nil {
		return
	}
	cancel := widget.NewButton(lang.L("Cancel"), func() { w.dlg.Hide() })
	buttons := container.NewHBox(cancel, w.back, w.next)
	content := container.NewBorder(w.heading, container.NewBorder(nil, nil, nil, buttons), nil, nil, w.body)
	title := lang.L("import.title_children")
	if w.kind == exchange.Sponsors {
		title = lang.L("import.title_sponsors")
	}
	w.dlg = dialog.NewCustomWithoutButtons(title, content, w.u.win)
	w.dlg.Resize(fyne.NewSize(960, 620))
	w.dlg.Show()
}

func (w *importWizard) onBackTapped() {
	if w.plan != nil {
		w.plan = nil
		w.showMapping()
	}
}

func (w *importWizard) onNextTapped() {
	if w.plan == nil {
		w.preview()
		return
	}
	w.commit()
}

// options reads the wizard's choices for the preview.
func (w *importWizard) options() (exchange.Options, error) {
	opt := exchange.Options{Kind: w.kind, Lang: language(), Today: w.u.campaignDay()}
	if w.kind == exchange.Children && strings.TrimSpace(w.school.Text) != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(w.school.Text), "№"))
		if err != nil || n <= 0 {
			return opt, &data.ValidationError{Field: "school", Value: w.school.Text, Key: "err.school.number"}
		}
		opt.SchoolNumber = n
		schools, err := w.u.st.FindSchools(w.u.ctx)
		if err != nil {
			return opt, err
		}
		known := false
		for _, sc := range schools {
			known = known || sc.Number == n
		}
		if !known {
			return opt, &data.ValidationError{Field: "school", Value: w.school.Text, Key: "err.not_found"}
		}
	}
	if w.kind == exchange.Sponsors && w.campaign.SelectedIndex() > 0 {
		opt.CampaignYear, _ = strconv.Atoi(w.campaign.Selected)
	}
	opt.AddItems = w.kind == exchange.Sponsors && w.addItems.Checked
	return opt, nil
}

// preview remembers the mapping for this header set and shows what the
// import would do, writing nothing.
func (w *importWizard) preview() {
	opt, err := w.options()
	if err != nil {
		showError(w.u.win, err)
		return
	}
	w.rememberSchool(opt.SchoolNumber)
	w.next.Disable()
	sh, m := w.sheet, w.mapping
	background(func() {
		st, err := w.u.st.Settings(w.u.ctx)
		if err == nil {
			exchange.RememberMapping(&st, w.kind, sh, m)
			if err := w.u.st.SaveSettings(w.u.ctx, st); err != nil {
				fyne.LogError("remember the import mapping", err)
			}
		}
		plan, err := exchange.Preview(w.u.ctx, w.u.st, sh, m, opt)
		fyne.Do(func() {
			w.next.Enable()
			var ue *exchange.UnmappedError
			switch {
			case errors.As(err, &ue):
				// Back to the columns: the clerk maps the one named.
				w.showMapping()
				dialogError(w.u.win, ue.Message(language()))
				return
			case err != nil:
				showError(w.u.win, err)
				return
			}
			if st, err := w.u.st.Settings(w.u.ctx); err == nil {
				w.u.settings.Extra = st.Extra
			}
			w.plan = plan
			w.showPreview()
		})
	})
}

// commit saves the plan in one transaction, showing the progress.
func (w *importWizard) commit() {
	plan := w.plan
	w.back.Disable()
	w.next.Disable()
	w.progress.SetValue(0)
	w.show(lang.L("import.importing"), container.NewVBox(w.progress))
	background(func() {
		last := -1
		sum, err := exchange.Commit(w.u.ctx, w.u.st, plan, func(done, total int) {
			if pct := done * 100 / max(total, 1); pct != last {
				last = pct
				fyne.Do(func() { w.progress.SetValue(float64(pct) / 100) })
			}
		})
		fyne.Do(func() {
			w.dlg.Hide()
			if err != nil {
				w.showError(err)
				return
			}
			w.result = sum
			dialog.ShowInformation(lang.L("import.done_title"), w.countsText("import.counts_done", sum), w.u.win)
			if w.done != nil {
				w.done()
			}
		})
	})
}

// countsText says how many rows are new, updated, unchanged, repeated and
// rejected (key is import.counts for the preview, what will be done, or
// import.counts_done once the import has run) and, for sponsors, the
// donations and items they add.
func (w *importWizard) countsText(key string, s exchange.Summary) string {
	text := lang.L(key, map[string]any{"Rows": number(int64(s.Rows)), "New": number(int64(s.Imported)),
		"Updated": number(int64(s.Updated)), "Unchanged": number(int64(s.Unchanged)),
		"Duplicates": number(int64(s.Duplicates)), "Rejected": number(int64(s.Rejected))})
	if w.kind != exchange.Sponsors {
		return text
	}
	text += "\n" + lang.L("import.donations", map[string]any{"N": number(int64(s.DonationsAdded)),
		"Money": number(s.MoneyTengeAdded), "Units": number(s.InKindAdded)})
	if s.ItemsAdded > 0 {
		text += "\n" + lang.L("import.items_added", map[string]any{"N": number(int64(s.ItemsAdded))})
	}
	return text
}

// exchangeMenuItems are the File menu's import and backup items.
func (u *App) exchangeMenuItems() []*fyne.MenuItem {
	children := fyne.NewMenuItem(lang.L("menu.import_children"), func() {
		u.onImportTapped(exchange.Children, u.refreshCurrent)
	})
	sponsors := fyne.NewMenuItem(lang.L("menu.import_sponsors"), func() {
		u.onImportTapped(exchange.Sponsors, u.refreshCurrent)
	})
	template := fyne.NewMenuItem(lang.L("exchange.template"), u.onTemplateTapped)
	backup := fyne.NewMenuItem(lang.L("backup.now"), func() {
		name := "mektepkezhol-" + time.Now().Format("2006-01-02") + ".db"
		u.askSavePath(folderBackups, name, []string{".db"}, func(path string) { u.backupTo(path, nil) })
	})
	return []*fyne.MenuItem{fyne.NewMenuItemSeparator(), children, sponsors, template, fyne.NewMenuItemSeparator(), backup}
}

// refreshCurrent reloads the screen on show, e.g. after an import.
func (u *App) refreshCurrent() {
	if sc, ok := u.screens[u.current]; ok {
		sc.refresh()
	}
}

// showError words the import's own failures for the clerk: a file that is
// not a list, a list without a header, a database changed meanwhile.
func (w *importWizard) showError(err error) {
	key := importErrorKey(err)
	if key == "" {
		showError(w.u.win, err)
		return
	}
	fyne.LogError("import "+w.path, err)
	dialogError(w.u.win, lang.L(key, map[string]any{"File": filepath.Base(w.path)}))
}

// importErrorKey is the message key of one of the import's own failures,
// or "" for any other error.
func importErrorKey(err error) string {
	switch {
	case errors.Is(err, exchange.ErrFormat):
		return "import.err_format"
	case errors.Is(err, exchange.ErrNoHeader):
		return "import.err_no_header"
	case errors.Is(err, exchange.ErrTooDense): // before its kind, ErrTooBig
		return "import.err_too_dense"
	case errors.Is(err, exchange.ErrTooBig):
		return "import.err_too_big"
	case errors.Is(err, exchange.ErrDamaged):
		return "import.err_damaged"
	case errors.Is(err, exchange.ErrStale):
		return "import.err_stale"
	}
	return ""
}
