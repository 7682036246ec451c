package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// coverageCards are the dashboard's figures of the coverage register: the
// open cases and the overdue ones, in the error colour when there are
// any; each opens the register.
func (s *dashboardScreen) coverageCards(f data.CoverageFigures) []fyne.CanvasObject {
	open := s.card(lang.L("dash.coverage_open"), number(int64(f.Open)),
		lang.L("dash.coverage_found", map[string]any{"N": number(int64(f.Found)), "Placed": number(int64(f.Placed))}),
		scrCoverage, func(sc screen) { sc.(*coverageScreen).presetOverdue(false) })
	overdue := s.alertCard(lang.L("dash.coverage_overdue"), number(int64(f.Overdue)), lang.L("dash.coverage_overdue_hint"),
		f.Overdue > 0, func() { s.u.show(scrCoverage, func(sc screen) { sc.(*coverageScreen).presetOverdue(true) }) })
	return []fyne.CanvasObject{open, overdue}
}

// alertCard is a card whose figure is drawn in the error colour when alert.
func (s *dashboardScreen) alertCard(title, value, hint string, alert bool, tapped func()) fyne.CanvasObject {
	col := theme.Color(theme.ColorNamePrimary)
	if alert {
		col = theme.Color(theme.ColorNameError)
	}
	v := canvas.NewText(value, col)
	v.TextSize = theme.TextHeadingSize()
	v.TextStyle.Bold = true
	h := widget.NewLabel(hint)
	h.Wrapping = fyne.TextWrapWord
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.Wrapping = fyne.TextWrapWord
	open := widget.NewButtonWithIcon(lang.L("dash.open"), theme.NavigateNextIcon(), tapped)
	open.Importance = widget.LowImportance
	open.IconPlacement = widget.ButtonIconTrailingText
	return widget.NewCard("", "", container.NewVBox(t, v, h, container.NewHBox(open)))
}
