package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// staleText says who changed the record since the clerk opened it, and
// when: the time of day, with the date when it was not today.
func staleText(se *data.StaleError) string {
	by := se.By
	if by == "" {
		by = lang.L("stale.someone")
	}
	if se.At.IsZero() {
		return lang.L("stale.message_no_time", map[string]any{"By": by})
	}
	at := se.At.In(time.Local)
	when := at.Format("15:04")
	if data.Day(at) != data.Day(today()) {
		when = dateText(at) + " " + when
	}
	return lang.L("stale.message", map[string]any{"By": by, "At": when})
}

// showSaveError shows why a form was not saved. When someone else saved
// the record first, the clerk chooses between opening the current version
// (reload) and going on editing: the form keeps what was typed, and saving
// it is refused again until the current version is opened.
func showSaveError(w fyne.Window, err error, reload func()) {
	var se *data.StaleError
	if !errors.As(err, &se) {
		showError(w, err)
		return
	}
	fyne.LogError("shown to the clerk", err)
	msg := widget.NewLabel(staleText(se))
	msg.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel(lang.L("stale.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	d := dialog.NewCustomConfirm(lang.L("stale.title"), lang.L("stale.reload"), lang.L("stale.keep"),
		container.NewVBox(msg, hint), func(open bool) {
			if open {
				reload()
			}
		}, w)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}
