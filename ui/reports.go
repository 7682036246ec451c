package ui

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// reportsScreen writes the campaign's documents: the press-conference
// PDF, the mäslikhat's workbook, the press-release draft and a school's
// handover sheet, into the chosen folder, and opens them.
type reportsScreen struct {
	u *App

	title    *widget.Label
	language *widget.RadioGroup
	langs    choice
	folder   *folderPicker
	schools  []data.School
	school   *widget.Select
	day      *lineEntry
	press    *textArea
	date     *lineEntry // the day the report and the press release are dated
	bar      *widget.ProgressBarInfinite
	status   *widget.Label
	buttons  []*widget.Button
	rollUp   *rollUp // on a server only
}

func newReportsScreen(u *App) *reportsScreen {
	s := &reportsScreen{u: u, folder: newFolderPicker(u), status: widget.NewLabel("")}
	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.langs = newChoice([]string{"kk", "ru"}, func(c string) string { return lang.L("lang." + c) })
	s.language = widget.NewRadioGroup(s.langs.labels, nil)
	s.language.Horizontal = true
	s.language.Required = true
	s.language.SetSelected(s.langs.label(u.settings.Language))
	s.school = widget.NewSelect(nil, nil)
	s.school.PlaceHolder = lang.L("reports.school_pick")
	s.day = newLineEntry()
	s.day.SetPlaceHolder(lang.L("reports.day_hint"))
	s.day.Validator = dateValidator
	s.date = newDocDateEntry()
	s.press = newTextArea(10)
	s.bar = widget.NewProgressBarInfinite()
	s.bar.Hide()
	s.status.Wrapping = fyne.TextWrapBreak
	s.rollUp = newRollUp(s)
	return s
}

func (s *reportsScreen) button(key string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(lang.L(key), icon, tapped)
	s.buttons = append(s.buttons, b)
	return b
}

func (s *reportsScreen) buildUI() fyne.CanvasObject {
	s.buttons = nil
	public := container.NewGridWithColumns(3,
		s.button("reports.pdf", theme.DocumentPrintIcon(), s.onPDFTapped),
		s.button("reports.xlsx", theme.GridIcon(), s.onXLSXTapped),
		s.button("reports.press", theme.DocumentIcon(), s.onPressTapped))
	publicHint := widget.NewLabel(lang.L("reports.public_hint"))
	publicHint.Wrapping = fyne.TextWrapWord
	publicHint.Importance = widget.LowImportance
	handover := widget.NewForm(
		widget.NewFormItem(lang.L("reports.school"), s.school),
		widget.NewFormItem(lang.L("reports.day"), s.day))
	handoverHint := widget.NewLabel(lang.L("reports.handover_hint"))
	handoverHint.Wrapping = fyne.TextWrapWord
	handoverHint.Importance = widget.LowImportance
	handoverBtn := s.button("reports.handover", theme.DocumentPrintIcon(), s.onHandoverTapped)
	options := widget.NewForm(
		widget.NewFormItem(lang.L("letters.lang"), s.language),
		widget.NewFormItem(lang.L("reports.date"), s.date),
		widget.NewFormItem(lang.L("docs.folder"), s.folder.buildUI()))
	cards := []fyne.CanvasObject{
		widget.NewCard("", lang.L("reports.public"), container.NewVBox(public, publicHint)),
		widget.NewCard("", lang.L("reports.handover_title"), container.NewVBox(handover, handoverHint,
			container.NewHBox(handoverBtn))),
	}
	if s.rollUp != nil {
		cards = append(cards, s.rollUp.buildUI())
	}
	pressActions := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("reports.copy"), theme.ContentCopyIcon(), s.onCopyTapped),
		widget.NewButtonWithIcon(lang.L("reports.save_txt"), theme.DocumentSaveIcon(), s.onSaveTextTapped))
	// The office's reports are the head's: a clerk sees them, greyed.
	note := s.u.guard(data.RoleHead, s.buttons...)
	top := append([]fyne.CanvasObject{s.title, container.NewHBox(note), options}, cards...)
	return newFormScroll(container.NewPadded(container.NewVBox(append(top, s.bar, s.status,
		widget.NewCard("", lang.L("reports.press_title"), container.NewBorder(nil, pressActions, nil, nil, s.press)))...)))
}

func (s *reportsScreen) refresh() {
	c := s.u.campaign
	s.title.SetText(lang.L("reports.title", map[string]any{"Year": c.Year}))
	if s.rollUp != nil {
		s.rollUp.refresh()
	}
	background(func() {
		schools, err := s.u.st.FindSchools(s.u.ctx)
		fyne.Do(func() {
			if err != nil {
				showError(s.u.win, err)
				return
			}
			s.schools = schools
			names := make([]string, len(schools))
			for i, sc := range schools {
				names[i] = s.schoolLabel(sc)
			}
			s.school.SetOptions(names)
		})
	})
}

func (s *reportsScreen) schoolLabel(sc data.School) string {
	name := sc.NameKK
	if language() == "ru" && sc.NameRU != "" {
		name = sc.NameRU
	}
	return fmt.Sprintf("№%d %s", sc.Number, name)
}

func (s *reportsScreen) lang() string { return s.langs.code(s.language.Selected) }

// run does work off the UI goroutine with the bar showing; done gets its
// result on the UI goroutine.
func (s *reportsScreen) run(work func() (string, error), done func(string)) {
	if s.u.docs == nil {
		dialog.ShowInformation(lang.L("nav.reports"), lang.L("docs.unavailable"), s.u.win)
		return
	}
	for _, b := range s.buttons {
		b.Disable()
	}
	s.bar.Show()
	s.bar.Start()
	s.status.SetText(lang.L("reports.working"))
	background(func() {
		out, err := work()
		fyne.Do(func() {
			s.bar.Stop()
			s.bar.Hide()
			for _, b := range s.buttons {
				if s.u.may(data.RoleHead) {
					b.Enable()
				}
			}
			if err != nil {
				s.status.SetText("")
				showError(s.u.win, err)
				return
			}
			done(out)
		})
	})
}

// written says where a document went and opens it.
func (s *reportsScreen) written(path string) {
	s.status.SetText(lang.L("reports.saved", map[string]any{"Path": path}))
	s.u.openOrShow(path) // ui/open_document.go
}

func (s *reportsScreen) fileName(key string, extra map[string]any) string {
	args := map[string]any{"Year": s.u.campaign.Year}
	for k, v := range extra {
		args[k] = v
	}
	return lang.L(key+"."+s.lang(), args)
}

func (s *reportsScreen) onPDFTapped()  { s.writeReport("pdf") }
func (s *reportsScreen) onXLSXTapped() { s.writeReport("xlsx") }

func (s *reportsScreen) writeReport(format string) {
	on, ok := docDate(s.date, s.u.win)
	if !ok {
		return
	}
	path := freePath(s.folder.dir, s.fileName("reports.file_"+format, nil), "."+format)
	id, lng := s.u.campaign.ID, s.lang()
	s.run(func() (string, error) { return path, s.u.docs.WriteReport(s.u.ctx, id, format, lng, path, on) }, s.written)
}

func (s *reportsScreen) onPressTapped() {
	on, ok := docDate(s.date, s.u.win)
	if !ok {
		return
	}
	id, lng := s.u.campaign.ID, s.lang()
	s.run(func() (string, error) { return s.u.docs.PressRelease(s.u.ctx, id, lng, on) }, func(text string) {
		s.press.SetText(text)
		s.status.SetText(lang.L("reports.press_ready"))
	})
}

func (s *reportsScreen) onHandoverTapped() {
	i := s.school.SelectedIndex()
	if i < 0 {
		showError(s.u.win, &data.ValidationError{Field: "school", Key: "err.required"})
		return
	}
	day, ok := parseDate(s.day.Text)
	if !ok {
		showError(s.u.win, &data.ValidationError{Field: "given_on", Value: s.day.Text, Key: "err.date"})
		return
	}
	sc, c, lng := s.schools[i], s.u.campaign, s.lang()
	path := freePath(s.folder.dir, s.fileName("reports.file_handover", map[string]any{"School": sc.Number}), ".pdf")
	var n int
	s.run(func() (string, error) {
		var err error
		n, err = s.u.docs.WriteHandover(s.u.ctx, c, sc.Number, day, lng, path)
		return path, err
	}, func(path string) {
		s.written(path)
		s.status.SetText(tn("reports.saved_handover", int64(n), map[string]any{"Path": path}))
	})
}

func (s *reportsScreen) onCopyTapped() {
	s.u.app.Clipboard().SetContent(s.press.Text)
	s.status.SetText(lang.L("reports.copied"))
}

func (s *reportsScreen) onSaveTextTapped() {
	if s.press.Text == "" {
		s.onPressTapped()
		return
	}
	path := freePath(s.folder.dir, s.fileName("reports.file_press", nil), ".txt")
	// A press release holds aggregates only: readable by all.
	text := s.press.Text
	if err := data.WriteFileAtomically(path, 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	}); err != nil {
		showError(s.u.win, err)
		return
	}
	s.written(path)
}

// showFirst fills in the press release draft (the screenshots' tour).
func (s *reportsScreen) showFirst() { s.onPressTapped() }
