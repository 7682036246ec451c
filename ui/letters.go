package ui

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// Whom a batch of letters thanks.
const (
	lettersSelected  = "selected"
	lettersShown     = "shown"
	lettersUnthanked = "unthanked"
)

// lettersDialog asks whom to thank, in which language, on what paper and
// into which files, then prints the Алғыс хат letters.
type lettersDialog struct {
	s *sponsorsScreen
	d *dialog.CustomDialog

	scope, language, paper, files *widget.RadioGroup
	scopes, langs, papers, outs   choice
	folder                        *folderPicker
	date                          *lineEntry // the day new letters are issued on
}

func newLettersDialog(s *sponsorsScreen) *lettersDialog {
	l := &lettersDialog{s: s, folder: newFolderPicker(s.u)}
	var codes []string
	if s.form.sponsor.ID != 0 {
		codes = append(codes, lettersSelected)
	}
	codes = append(codes, lettersShown, lettersUnthanked)
	l.scopes = newChoice(codes, func(c string) string {
		switch c {
		case lettersSelected:
			return lang.L("letters.scope.selected", map[string]any{"Name": s.form.sponsor.Name})
		case lettersShown:
			return lang.L("letters.scope.shown", map[string]any{"N": len(s.shownDonors())})
		}
		return lang.L("letters.scope.unthanked")
	})
	l.langs = newChoice([]string{"kk", "ru", "both"}, func(c string) string { return lang.L("letters.lang." + c) })
	l.papers = newChoice([]string{"full", "blank"}, func(c string) string { return lang.L("letters.paper." + c) })
	l.outs = newChoice([]string{"one", "each"}, func(c string) string { return lang.L("letters.files." + c) })
	l.scope = widget.NewRadioGroup(l.scopes.labels, nil)
	l.scope.SetSelected(l.scopes.labels[0])
	l.language = widget.NewRadioGroup(l.langs.labels, nil)
	l.language.Horizontal = true
	l.language.SetSelected(l.langs.label(s.u.settings.Language))
	l.paper = widget.NewRadioGroup(l.papers.labels, nil)
	l.paper.SetSelected(l.papers.labels[0])
	l.files = widget.NewRadioGroup(l.outs.labels, nil)
	l.files.SetSelected(l.outs.labels[0])
	l.date = newDocDateEntry()
	for _, r := range []*widget.RadioGroup{l.scope, l.language, l.paper, l.files} {
		r.Required = true
	}
	return l
}

func (l *lettersDialog) buildUI() fyne.CanvasObject {
	return widget.NewForm(
		widget.NewFormItem(lang.L("letters.scope"), l.scope),
		widget.NewFormItem(lang.L("letters.lang"), l.language),
		widget.NewFormItem(lang.L("letters.paper"), l.paper),
		widget.NewFormItem(lang.L("letters.files"), l.files),
		widget.NewFormItem(lang.L("letters.date"), l.date),
		widget.NewFormItem(lang.L("docs.folder"), l.folder.buildUI()))
}

func (l *lettersDialog) show() {
	print := widget.NewButton(lang.L("letters.print"), l.onPrintTapped)
	print.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("action.cancel"), func() { l.d.Hide() })
	note := l.s.u.guard(data.RoleHead, print) // letters are the head's
	buttons := container.NewVBox(widget.NewSeparator(), container.NewHBox(note, layout.NewSpacer(), cancel, print))
	body := container.NewBorder(nil, buttons, nil, nil, l.buildUI())
	l.d = dialog.NewCustomWithoutButtons(lang.L("letters.title", map[string]any{"Year": l.s.u.campaign.Year}), body, l.s.u.win)
	l.d.Resize(fyne.NewSize(640, 420))
	l.d.Show()
}

// request turns the choices into what to print; ok is false when there
// is no one to thank.
func (l *lettersDialog) request() (LettersRequest, bool) {
	req := LettersRequest{Lang: l.langs.code(l.language.Selected), Blank: l.papers.code(l.paper.Selected) == "blank"}
	req.Date, _ = parseDate(l.date.Text) // a bad date is refused before printing
	switch l.scopes.code(l.scope.Selected) {
	case lettersSelected:
		req.SponsorIDs = []int64{l.s.form.sponsor.ID}
	case lettersShown:
		for _, r := range l.s.shownDonors() {
			req.SponsorIDs = append(req.SponsorIDs, r.ID)
		}
		if len(req.SponsorIDs) == 0 {
			return req, false
		}
	default:
		req.Unthanked = true
	}
	name := lang.L("letters.file_name", map[string]any{"Year": l.s.u.campaign.Year})
	if l.outs.code(l.files.Selected) == "each" {
		req.OutDir = freePath(l.folder.dir, name, "")
	} else {
		req.Out = freePath(l.folder.dir, name, ".pdf")
	}
	return req, true
}

func (l *lettersDialog) onPrintTapped() {
	u := l.s.u
	if _, ok := docDate(l.date, u.win); !ok {
		return
	}
	req, ok := l.request()
	if !ok {
		dialog.ShowInformation(lang.L("sponsors.letter"), lang.L("letters.none"), u.win)
		return
	}
	// Refuse before anything is registered or written, and lead the clerk
	// to the field to fill in.
	if err := u.docs.CheckLetterSettings(u.ctx, req.Lang); err != nil {
		l.d.Hide()
		showSettingsError(u, err)
		return
	}
	l.d.Hide()
	p := newProgressDialog(u.win, lang.L("letters.printing"))
	p.d.Show()
	c := u.campaign
	background(func() {
		res, err := u.docs.PrintLetters(p.ctx, c, req, p.progress)
		fyne.Do(func() {
			p.hide()
			l.onPrinted(res, err)
		})
	})
}

func (l *lettersDialog) onPrinted(res LettersResult, err error) {
	u := l.s.u
	switch {
	case isCancelled(err):
		dialog.ShowInformation(lang.L("sponsors.letter"), lang.L("letters.cancelled"), u.win)
		return
	case err != nil && len(res.Kept) > 0:
		l.onKept(res, err)
		return
	case err != nil:
		showSettingsError(u, err)
		return
	}
	l.s.refresh()
	where := l.folder.dir
	switch {
	case len(res.Files) == 1:
		where = res.Files[0]
	case len(res.Files) > 1:
		where = filepath.Dir(res.Files[0]) // the batch's folder: the file manager shows it
	}
	dialog.ShowInformation(lang.L("sponsors.letter"), tn("letters.done", int64(res.Issued), map[string]any{
		"New": res.Issued - res.Reprinted, "Reprinted": res.Reprinted, "Where": where}), u.win)
	u.openOrShow(where) // on top: the folder button when no viewer opens
}

// onKept tells the clerk that the letters were registered and written,
// but that a file could not take its name: where the finished letters
// are, to print them from there.
func (l *lettersDialog) onKept(res LettersResult, err error) {
	u := l.s.u
	fyne.LogError("letters kept in the stage", err)
	l.s.refresh() // the register holds the letters
	kept := res.Kept[0]
	if len(res.Kept) > 1 {
		kept = filepath.Dir(kept) // the stage, holding them all
	}
	dialog.ShowError(errors.New(lang.L("letters.kept", map[string]any{"Where": kept})), u.win)
	u.openOrShow(kept)
}

// showSettingsError shows err; a setting the letters cannot be signed
// without gets a button to the settings screen.
func showSettingsError(u *App, err error) {
	var ve *data.ValidationError
	if !errors.As(err, &ve) || ve.Key != "err.letter.settings" {
		showError(u.win, err)
		return
	}
	fyne.LogError("letter settings", err)
	d := dialog.NewConfirm(lang.L("letters.settings_title"), lang.L("letters.settings_missing",
		map[string]any{"Field": fieldName(ve.Field)}), func(open bool) {
		if open {
			u.showSettings("settings.office") // the fields a letter is signed with
		}
	}, u.win)
	d.SetConfirmText(lang.L("letters.open_settings"))
	d.SetDismissText(lang.L("action.cancel"))
	d.Show()
}

// shownDonors are the sponsors in the filtered list who gave in the
// campaign: only a donor is thanked.
func (s *sponsorsScreen) shownDonors() []data.SponsorRow {
	var out []data.SponsorRow
	for _, r := range s.rows {
		if r.Donations > 0 {
			out = append(out, r)
		}
	}
	return out
}

// tourLetters opens the letters dialog for the first sponsor (the
// screenshots' tour).
func (u *App) tourLetters() {
	u.show(scrSponsors, nil)
	s := u.screens[scrSponsors].(*sponsorsScreen)
	s.showFirst()
	s.onLetterTapped()
}
