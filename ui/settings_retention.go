package ui

import (
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

// retentionPanel is the admin's settings card that anonymises the children
// of old campaigns (data.Store.Retain): a year, a dry run that says how
// many, and the run itself after a confirmation.
type retentionPanel struct {
	u      *App
	year   *lineEntry
	result *widget.Label
	// done, if set, is told when a run has finished (the tests).
	done func(data.RetentionReport)
}

func newRetentionPanel(u *App) *retentionPanel {
	p := &retentionPanel{u: u, year: newLineEntry(), result: widget.NewLabel("")}
	p.year.SetPlaceHolder(strconv.Itoa(today().Year() - 5))
	p.result.Wrapping = fyne.TextWrapWord
	return p
}

// buildUI is the retention's card, shown to the admin only (settingsScreen).
func (p *retentionPanel) buildUI() fyne.CanvasObject {
	count := widget.NewButtonWithIcon(lang.L("settings.retention.count"), theme.SearchIcon(), p.onCountTapped)
	run := widget.NewButtonWithIcon(lang.L("settings.retention.run"), theme.DeleteIcon(), p.onRunTapped)
	run.Importance = widget.DangerImportance
	help := widget.NewLabel(lang.L("settings.retention.help"))
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	form := widget.NewForm(widget.NewFormItem(lang.L("settings.retention.year"), p.year))
	return widget.NewCard("", lang.L("settings.retention"), container.NewVBox(help, form,
		container.NewHBox(count, run), p.result))
}

// readYear reads the year; a bad one names the field.
func (p *retentionPanel) readYear() (int, error) {
	y, err := strconv.Atoi(strings.TrimSpace(p.year.Text))
	if err != nil || y < 1900 || y > 3000 {
		return 0, &data.ValidationError{Field: "campaigns_before", Value: p.year.Text, Key: "err.retention.year"}
	}
	return y, nil
}

func (p *retentionPanel) onCountTapped() { p.dryRun(nil) }

// onRunTapped counts first, then asks, then anonymises.
func (p *retentionPanel) onRunTapped() {
	p.dryRun(func(r data.RetentionReport) {
		if r.Children == 0 && r.CoverageCases == 0 {
			return
		}
		q := lang.L("settings.retention.confirm", map[string]any{"Children": r.Children})
		dialog.ShowConfirm(lang.L("settings.retention"), q, func(ok bool) {
			if ok {
				p.run(r.Before)
			}
		}, p.u.win)
	})
}

// dryRun counts off the UI goroutine, shows the count and hands it on.
func (p *retentionPanel) dryRun(then func(data.RetentionReport)) {
	y, err := p.readYear()
	if err != nil {
		showError(p.u.win, err)
		return
	}
	background(func() {
		r, err := p.u.st.Retain(p.u.ctx, y, true)
		fyne.Do(func() {
			if err != nil {
				showError(p.u.win, err)
				return
			}
			p.result.SetText(lang.L("settings.retention.dry", retentionArgs(r)))
			if then != nil {
				then(r)
			}
		})
	})
}

func (p *retentionPanel) run(year int) {
	background(func() {
		r, err := p.u.st.Retain(p.u.ctx, year, false)
		fyne.Do(func() {
			if err != nil {
				showError(p.u.win, err)
				return
			}
			p.result.SetText(lang.L("settings.retention.done", retentionArgs(r)))
			if p.done != nil {
				p.done(r)
			}
		})
	})
}

func retentionArgs(r data.RetentionReport) map[string]any {
	return map[string]any{"Year": r.Before, "Children": r.Children, "Cases": r.CoverageCases}
}
