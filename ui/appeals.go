package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// appealsScreen is the appeals log with the hotline operator's quick form.
type appealsScreen struct {
	u                 *App
	rows              []data.Appeal
	table             *dataTable
	count             *widget.Label
	status            *widget.Select
	overdue           *widget.Check
	statuses          choice
	form              *appealForm
	presetOverdueOnly *bool
	busy              *spinner // while the list loads
	loads             loader   // a newer filter, or leaving the screen, cancels the load (ui/loader.go)
}

func newAppealsScreen(u *App) *appealsScreen {
	s := &appealsScreen{u: u, count: widget.NewLabel(""), busy: newSpinner()}
	s.busy.Hide()
	s.table = newDataTable([]string{lang.L("col.reg_number"), lang.L("col.received"), lang.L("col.channel"),
		lang.L("col.citizen"), lang.L("col.subject"), lang.L("col.due"), lang.L("col.status")},
		[]float32{95, 130, 150, 170, 280, 100, 120}, func() int { return len(s.rows) }, s.cell)
	s.table.highlight = func(row int) bool { return s.rows[row].Overdue(today()) }
	s.table.selected = s.onRowSelected
	s.statuses = newChoice(append([]string{""}, data.AppealStatuses...), func(c string) string {
		if c == "" {
			return lang.L("filter.all_statuses")
		}
		return lang.L("appeal.status." + c)
	})
	s.status = newSelect(s.statuses.labels, func(string) { s.refresh() })
	s.status.Selected = s.statuses.labels[0]
	s.overdue = widget.NewCheck(lang.L("appeals.overdue_only"), func(bool) { s.refresh() })
	s.form = newAppealForm(u, s.refresh)
	return s
}

// presetOverdue opens the log on the open (or overdue) appeals.
func (s *appealsScreen) presetOverdue(overdue bool) { s.presetOverdueOnly = &overdue }

func (s *appealsScreen) cell(row, col int) string {
	a := s.rows[row]
	switch col {
	case 0:
		return a.RegNumber
	case 1:
		return dateText(a.ReceivedAt) + " " + a.ReceivedAt.Format("15:04")
	case 2:
		return lang.L("appeal.channel." + a.Channel)
	case 3:
		return a.CitizenName
	case 4:
		return a.Subject
	case 5:
		return dateText(a.DueOn)
	}
	st := lang.L("appeal.status." + a.Status)
	if a.Overdue(today()) {
		st += " · " + lang.L("appeals.overdue")
	}
	return st
}

func (s *appealsScreen) buildUI() fyne.CanvasObject {
	if p := s.presetOverdueOnly; p != nil {
		s.overdue.Checked = *p
		if !*p {
			s.status.Selected = s.statuses.labels[0]
		}
		s.overdue.Refresh()
		s.presetOverdueOnly = nil
	}
	newBtn := widget.NewButtonWithIcon(lang.L("appeals.new_call"), theme.ContentAddIcon(), s.onNewTapped)
	// The filter takes the row's width, so «Барлық мәртебе» is never cut.
	top := container.NewVBox(container.NewBorder(nil, nil, nil, s.overdue, s.status),
		container.NewBorder(nil, nil, container.NewHBox(s.busy, s.count), container.NewHBox(newBtn, s.fileButton())))
	list := container.NewBorder(top, nil, nil, nil, s.table.table)
	split := container.NewHSplit(list, s.form.buildUI())
	split.Offset = 0.5 // the form's fields wide enough for a whole name in kk
	return split
}

// refresh lists the appeals the filter keeps; a newer load cancels the
// older one.
func (s *appealsScreen) refresh() {
	f := data.AppealFilter{CampaignID: s.u.campaign.ID, Status: s.statuses.code(s.status.Selected), Overdue: s.overdue.Checked}
	loadInto(s.u, &s.loads, s.busy, func(ctx context.Context) ([]data.Appeal, error) {
		return s.u.st.FindAppeals(ctx, f)
	}, func(rows []data.Appeal) {
		s.rows = rows
		s.count.SetText(lang.L("list.count", map[string]any{"N": number(int64(len(rows)))}))
		s.table.reload()
	})
}

func (s *appealsScreen) onRowSelected(row int) {
	a := s.rows[row]
	if fresh, err := s.u.st.FindAppealByID(s.u.ctx, a.ID); err == nil {
		a = fresh // another clerk may have changed it since the list was read
	}
	s.u.whenClean(s.form.state.dirty, func() { s.form.edit(a) })
}

func (s *appealsScreen) onNewTapped() {
	s.u.whenClean(s.form.state.dirty, func() { s.form.newCall() })
}

func (s *appealsScreen) onSaveTapped() { s.form.onSaveTapped() }
func (s *appealsScreen) unsaved() bool { return s.form.state.dirty }

// showFirst opens the list's first row in the form (the screenshots' tour).
func (s *appealsScreen) showFirst() {
	if len(s.rows) > 0 {
		s.table.table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
}
