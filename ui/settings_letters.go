package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// letterPlaceholders are the placeholders the letter texts may hold.
const letterPlaceholders = "{{sponsor}} {{campaign}} {{year}} {{contribution}} {{reach}} {{department}} {{city}} {{number}} {{date}}"

// letterSettings edits the Алғыс хат template: the texts in both
// languages, what the letter names, the blank's offsets and the images.
// It loads the saved template when it is built.
type letterSettings struct {
	u *App

	bodyKK, bodyRU, wishesKK, wishesRU *textArea
	offsetX, offsetY                   *lineEntry
	signature, stamp                   *lineEntry
	contribution, reach                *widget.Check
	save                               *widget.Button // off while the saved texts could not be read
	state                              formState      // changed since loaded or saved
}

func newLetterSettings(u *App) *letterSettings {
	l := &letterSettings{u: u}
	for _, e := range []**textArea{&l.bodyKK, &l.bodyRU, &l.wishesKK, &l.wishesRU} {
		*e = newTextArea(3)
	}
	l.offsetX, l.offsetY = newLineEntry(), newLineEntry()
	l.signature, l.stamp = newLineEntry(), newLineEntry()
	changed := func(bool) { l.state.mark() }
	l.contribution = widget.NewCheck(lang.L("letters.show_contribution"), changed)
	l.reach = widget.NewCheck(lang.L("letters.show_reach"), changed)
	l.state.track(l.bodyKK, l.bodyRU, l.wishesKK, l.wishesRU, l.offsetX, l.offsetY, l.signature, l.stamp)
	return l
}

// buildUI returns the settings card; without documents it says so.
func (l *letterSettings) buildUI() fyne.CanvasObject {
	if l.u.docs == nil {
		return widget.NewCard("", lang.L("letters.settings"), widget.NewLabel(lang.L("docs.unavailable")))
	}
	hint := widget.NewLabel(lang.L("letters.placeholders", map[string]any{"List": letterPlaceholders}))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.body_kk"), l.bodyKK),
		widget.NewFormItem(lang.L("field.wishes_kk"), l.wishesKK),
		widget.NewFormItem(lang.L("field.body_ru"), l.bodyRU),
		widget.NewFormItem(lang.L("field.wishes_ru"), l.wishesRU),
		widget.NewFormItem("", container.NewHBox(l.contribution, l.reach)),
		widget.NewFormItem(lang.L("field.blank_offset_x_mm"), l.offsetX),
		widget.NewFormItem(lang.L("field.blank_offset_y_mm"), l.offsetY),
		widget.NewFormItem(lang.L("field.signature_image"), l.imageRow(l.signature)),
		widget.NewFormItem(lang.L("field.stamp_image"), l.imageRow(l.stamp)))
	l.save = widget.NewButtonWithIcon(lang.L("letters.save_template"), theme.DocumentSaveIcon(), l.onSaveTapped)
	preview := widget.NewButtonWithIcon(lang.L("letters.preview"), theme.VisibilityIcon(), l.onPreviewTapped)
	calib := widget.NewButtonWithIcon(lang.L("letters.calibration"), theme.DocumentPrintIcon(), l.onCalibrationTapped)
	l.load()
	return widget.NewCard("", lang.L("letters.settings"), container.NewVBox(hint, form,
		container.NewHBox(l.save, preview, calib, l.u.guard(data.RoleAdmin, l.save))))
}

// imageRow is a file's path with a button to choose it.
func (l *letterSettings) imageRow(e *lineEntry) fyne.CanvasObject {
	e.SetPlaceHolder(lang.L("letters.no_image"))
	choose := widget.NewButton(lang.L("letters.choose_image"), func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				showError(l.u.win, err)
				return
			}
			if r != nil {
				e.SetText(r.URI().Path())
				r.Close()
			}
		}, l.u.win)
		l.u.showFileDialog(d)
	})
	return container.NewBorder(nil, nil, nil, choose, e)
}

func (l *letterSettings) load() {
	t, err := l.u.docs.LetterTemplate(l.u.ctx)
	if err != nil {
		showError(l.u.win, err)
	}
	// a template not read at all has no texts (an unreadable or invalid
	// one comes with the defaults or its own, to mend): saving the empty
	// fields would put empty texts over the office's own
	if t.BodyKK == "" && t.BodyRU == "" {
		l.save.Disable()
		return
	}
	l.save.Enable()
	l.state.fill(func() {
		l.bodyKK.SetText(t.BodyKK)
		l.bodyRU.SetText(t.BodyRU)
		l.wishesKK.SetText(t.WishesKK)
		l.wishesRU.SetText(t.WishesRU)
		l.contribution.SetChecked(t.ShowContribution)
		l.reach.SetChecked(t.ShowReach)
		l.offsetX.SetText(mmText(t.BlankOffsetXmm))
		l.offsetY.SetText(mmText(t.BlankOffsetYmm))
		l.signature.SetText(t.SignatureImage)
		l.stamp.SetText(t.StampImage)
	})
}

func mmText(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

func parseMM(field, s string) (float64, error) {
	s = strings.Replace(strings.TrimSpace(s), ",", ".", 1)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, &data.ValidationError{Field: field, Value: s, Key: "err.letter.offset"}
	}
	return v, nil
}

// template reads the form; the offsets must be numbers.
func (l *letterSettings) template() (LetterTemplate, error) {
	t := LetterTemplate{BodyKK: l.bodyKK.Text, BodyRU: l.bodyRU.Text, WishesKK: l.wishesKK.Text, WishesRU: l.wishesRU.Text,
		ShowContribution: l.contribution.Checked, ShowReach: l.reach.Checked,
		SignatureImage: strings.TrimSpace(l.signature.Text), StampImage: strings.TrimSpace(l.stamp.Text)}
	var err error
	if t.BlankOffsetXmm, err = parseMM("blank_offset_x_mm", l.offsetX.Text); err != nil {
		return t, err
	}
	t.BlankOffsetYmm, err = parseMM("blank_offset_y_mm", l.offsetY.Text)
	return t, err
}

func (l *letterSettings) onSaveTapped() {
	t, err := l.template()
	if err == nil {
		err = l.u.docs.SaveLetterTemplate(l.u.ctx, t)
	}
	if err != nil {
		showError(l.u.win, err)
		return
	}
	l.state.dirty = false
	dialog.ShowInformation(lang.L("letters.settings"), lang.L("letters.template_saved"), l.u.win)
}

// onPreviewTapped writes the first donor's letter with the texts as they
// stand (saved or not) to a temporary PDF and opens it.
func (l *letterSettings) onPreviewTapped() {
	t, err := l.template()
	if err != nil {
		showError(l.u.win, err)
		return
	}
	dir, err := os.MkdirTemp("", "mektepkezhol-")
	if err != nil {
		showError(l.u.win, err)
		return
	}
	path := filepath.Join(dir, lang.L("letters.preview_file")+".pdf")
	c, lng := l.u.campaign, l.u.settings.Language
	background(func() {
		err := l.u.docs.PreviewLetter(l.u.ctx, c, t, lng, path)
		fyne.Do(func() {
			if err != nil {
				showSettingsError(l.u, err)
				return
			}
			if err := openDocument(l.u.app, path); err != nil {
				showError(l.u.win, err)
			}
		})
	})
}

// onCalibrationTapped writes the blank's calibration page (with the saved
// offsets) into the documents folder and opens it.
func (l *letterSettings) onCalibrationTapped() {
	dir, err := documentsDir()
	if err != nil {
		showError(l.u.win, err)
		return
	}
	path := freePath(dir, lang.L("letters.calibration_file"), ".pdf")
	background(func() {
		err := l.u.docs.WriteCalibration(l.u.ctx, path)
		fyne.Do(func() {
			if err != nil {
				showError(l.u.win, err)
				return
			}
			if err := openDocument(l.u.app, path); err != nil {
				showError(l.u.win, err)
			}
		})
	})
}
