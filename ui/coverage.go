package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// coverageStore is what the coverage register and the campaign's events
// need of the database.
type coverageStore interface {
	FindCoverageCases(ctx context.Context, f data.CoverageFilter) ([]data.CoverageCase, error)
	CreateCoverageCase(ctx context.Context, c *data.CoverageCase) error
	UpdateCoverageCase(ctx context.Context, c *data.CoverageCase) error
	CoverageFigures(ctx context.Context, campaignID int64) (data.CoverageFigures, error)
	FindEvents(ctx context.Context, campaignID int64) ([]data.Event, error)
	CreateEvent(ctx context.Context, e *data.Event) error
	UpdateEvent(ctx context.Context, e *data.Event) error
	DeleteEvent(ctx context.Context, id int64) error
}

// coverageScreen is the register of school-age children found out of
// school (the «Қамту» of the campaign), with the campaign's events on a
// second tab.
type coverageScreen struct {
	u                 *App
	rows              []data.CoverageCase
	schools           map[int64]data.School
	table             *dataTable
	count             *widget.Label
	outcome           *widget.Select
	outcomes          choice
	overdue           *widget.Check
	form              *coverageForm
	events            *eventsPanel
	tabs              *container.AppTabs
	presetOverdueOnly *bool
	busy              *spinner // while the register loads
	loads             loader   // a newer filter, or leaving the screen, cancels the load (ui/loader.go)
}

func newCoverageScreen(u *App) *coverageScreen {
	s := &coverageScreen{u: u, count: widget.NewLabel(""), schools: map[int64]data.School{}, busy: newSpinner()}
	s.busy.Hide()
	s.table = newDataTable([]string{lang.L("col.child"), lang.L("col.found_on"), lang.L("col.found_by"),
		lang.L("col.reason"), lang.L("col.outcome"), lang.L("col.due")},
		[]float32{200, 95, 160, 150, 150, 120}, func() int { return len(s.rows) }, s.cell)
	s.table.highlight = func(row int) bool { return s.rows[row].Overdue(today()) }
	s.table.selected = s.onRowSelected
	s.outcomes = newChoice(append([]string{""}, data.CoverageOutcomes...), func(c string) string {
		if c == "" {
			return lang.L("coverage.all_outcomes")
		}
		return lang.L("coverage.outcome." + c)
	})
	s.outcome = newSelect(s.outcomes.labels, func(string) { s.refresh() })
	s.outcome.Selected = s.outcomes.labels[0]
	s.overdue = widget.NewCheck(lang.L("coverage.overdue_only"), func(bool) { s.refresh() })
	s.form = newCoverageForm(u, s.refresh)
	s.events = newEventsPanel(u)
	return s
}

// presetOverdue opens the register on the overdue open cases (or on all).
func (s *coverageScreen) presetOverdue(overdue bool) { s.presetOverdueOnly = &overdue }

func (s *coverageScreen) cell(row, col int) string {
	c := s.rows[row]
	switch col {
	case 0:
		return c.ChildName
	case 1:
		return dateText(c.FoundOn)
	case 2:
		by := lang.L("coverage.source." + c.Source)
		if sc, ok := s.schools[c.SourceSchoolID]; ok && c.SourceSchoolID != 0 {
			by += " · №" + strconv.Itoa(sc.Number)
		} else if c.SourceName != "" {
			by += " · " + c.SourceName
		}
		return by
	case 3:
		return lang.L("coverage.reason." + c.Reason)
	case 4:
		out := lang.L("coverage.outcome." + c.Outcome)
		if sc, ok := s.schools[c.PlacedSchoolID]; ok && c.PlacedSchoolID != 0 {
			out += " · №" + strconv.Itoa(sc.Number)
		}
		return out
	}
	due := dateText(c.DueOn)
	if c.Overdue(today()) {
		due += " · " + lang.L("coverage.overdue")
	}
	return due
}

func (s *coverageScreen) buildUI() fyne.CanvasObject {
	if p := s.presetOverdueOnly; p != nil {
		s.overdue.Checked = *p
		s.outcome.Selected = s.outcomes.labels[0]
		s.overdue.Refresh()
		s.outcome.Refresh()
		s.presetOverdueOnly = nil
	}
	newBtn := widget.NewButtonWithIcon(lang.L("coverage.new"), theme.ContentAddIcon(), s.onNewTapped)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(s.busy, s.count, newBtn), container.NewGridWithColumns(2, s.outcome, s.overdue))
	list := container.NewBorder(top, nil, nil, nil, s.table.table)
	// the form comes in a frame of its own (ui/frames.go) and the
	// events' tab when it is first chosen: the register shows first
	form, events := container.NewStack(), container.NewStack()
	split := container.NewHSplit(list, form)
	split.Offset = 0.6
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("coverage.tab_register"), theme.ListIcon(), split),
		container.NewTabItemWithIcon(lang.L("coverage.tab_events"), theme.HistoryIcon(), events))
	s.tabs.OnSelected = func(it *container.TabItem) {
		if it.Content == events && len(events.Objects) == 0 {
			events.Add(s.events.buildUI())
			canvas.Refresh(events) // Add lays out, but leaves the window unpainted
		}
		s.refresh()
	}
	tabs := s.tabs
	inFrames(func() {
		if s.tabs != tabs {
			return // built again meanwhile (a language, the menu): the new build adds its own
		}
		form.Add(s.form.buildUI())
		canvas.Refresh(form)
	})
	return s.tabs
}

func (s *coverageScreen) filter() data.CoverageFilter {
	return data.CoverageFilter{CampaignID: s.u.campaign.ID, Outcome: s.outcomes.code(s.outcome.Selected),
		Overdue: s.overdue.Checked}
}

// refresh loads the register the filter keeps, the form's catalogue and
// the events; a newer load of each cancels the older one.
func (s *coverageScreen) refresh() {
	type answer struct {
		rows    []data.CoverageCase
		schools []data.School
	}
	f := s.filter()
	s.form.loadCatalogue()
	s.events.refresh()
	loadInto(s.u, &s.loads, s.busy, func(ctx context.Context) (a answer, err error) {
		a.rows, err = s.u.st.FindCoverageCases(ctx, f)
		if err == nil {
			a.schools, err = s.u.st.FindSchools(ctx)
		}
		return a, err
	}, func(a answer) {
		for _, sc := range a.schools {
			s.schools[sc.ID] = sc
		}
		s.rows = a.rows
		s.count.SetText(lang.L("list.count", map[string]any{"N": number(int64(len(a.rows)))}))
		s.table.reload()
	})
}

func (s *coverageScreen) onRowSelected(row int) {
	c := s.rows[row]
	s.u.whenClean(s.form.state.dirty, func() { s.form.edit(c) })
}

func (s *coverageScreen) onNewTapped() {
	s.u.whenClean(s.form.state.dirty, func() { s.form.edit(data.CoverageCase{}) })
}

func (s *coverageScreen) onSaveTapped() { s.form.onSaveTapped() }
func (s *coverageScreen) unsaved() bool { return s.form.state.dirty || s.events.state.dirty }

// showFirst opens the register's first row in the form (the screenshots' tour).
func (s *coverageScreen) showFirst() {
	if len(s.rows) > 0 {
		s.table.table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
}
