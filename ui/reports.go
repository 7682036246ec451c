package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// ReportsContent builds the reports screen's content: the public reports
// (PDF, xlsx, press text) of the reports feature. The GUI main sets it
// once report/ lands; until then the screen says the reports are coming.
//
// LEAD: wire report's actions here, e.g. in cmd/mektepkezhol:
// ui.ReportsContent = func(w fyne.Window, st ui.Store, c data.Campaign) fyne.CanvasObject { … }
var ReportsContent func(w fyne.Window, st Store, campaignID int64) fyne.CanvasObject

// reportsScreen holds the reports feature's content.
type reportsScreen struct {
	u    *App
	body *fyne.Container
}

func newReportsScreen(u *App) *reportsScreen { return &reportsScreen{u: u, body: container.NewStack()} }

func (s *reportsScreen) buildUI() fyne.CanvasObject { return container.NewPadded(s.body) }

func (s *reportsScreen) refresh() {
	var content fyne.CanvasObject
	if ReportsContent != nil {
		content = ReportsContent(s.u.win, s.u.st, s.u.campaign.ID)
	} else {
		l := widget.NewLabel(lang.L("reports.soon"))
		l.Wrapping = fyne.TextWrapWord
		content = container.NewVBox(widget.NewLabelWithStyle(lang.L("nav.reports"), fyne.TextAlignLeading,
			fyne.TextStyle{Bold: true}), l)
	}
	s.body.Objects = []fyne.CanvasObject{content}
	s.body.Refresh()
}
