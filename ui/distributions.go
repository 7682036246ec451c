package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// recentDistributions is how many of the latest distributions the list shows.
const recentDistributions = 2000

// distributionsScreen gives items to one child or a group and lists what
// was given.
type distributionsScreen struct {
	u     *App
	rows  []data.DistributionRow
	items map[int64]data.AidItem
	table *dataTable
	count *widget.Label
	give  *giveForm

	sel      int // the selected row, -1: none
	takeBack *widget.Button
	place    listPlace
}

func newDistributionsScreen(u *App) *distributionsScreen {
	s := &distributionsScreen{u: u, items: map[int64]data.AidItem{}, count: widget.NewLabel("")}
	s.table = newDataTable([]string{lang.L("col.date"), lang.L("col.act"), lang.L("col.full_name"), lang.L("col.school"),
		lang.L("col.item"), lang.L("col.quantity")}, []float32{100, 120, 240, 70, 170, 70},
		func() int { return len(s.rows) }, s.cell)
	s.give = newGiveForm(u, s.refresh)
	s.sel = -1
	s.table.selected = s.onRowSelected
	s.takeBack = widget.NewButtonWithIcon(lang.L("delete.distribution.button"), theme.ContentUndoIcon(), s.onTakeBackTapped)
	s.takeBack.Disable()
	return s
}

func (s *distributionsScreen) cell(row, col int) string {
	r := s.rows[row]
	switch col {
	case 0:
		return dateText(r.GivenOn)
	case 1:
		return r.ActNumber
	case 2:
		return r.ChildName
	case 3:
		if r.SchoolNumber == 0 {
			return ""
		}
		return fmt.Sprintf("№%d", r.SchoolNumber)
	case 4:
		name := s.items[r.ItemID].Name(language())
		if r.Size != "" {
			name += " (" + r.Size + ")"
		}
		return name
	}
	q := number(r.Quantity)
	if r.Forced {
		q += " !"
	}
	return q
}

func (s *distributionsScreen) buildUI() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("dist.recent"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	list := container.NewBorder(container.NewBorder(nil, nil, title, container.NewHBox(s.count, s.takeBack, s.fileButton())), nil, nil, nil, s.table.table)
	split := container.NewHSplit(s.give.buildUI(), list)
	split.Offset = 0.45
	return split
}

func (s *distributionsScreen) refresh() {
	id := s.u.campaign.ID
	s.give.refresh()
	background(func() {
		items, err := s.u.st.FindAidItems(s.u.ctx)
		var rows []data.DistributionRow
		if err == nil {
			rows, err = s.u.st.FindDistributions(s.u.ctx, data.DistributionFilter{CampaignID: id})
		}
		fyne.Do(func() {
			if err != nil {
				showError(s.u.win, err)
				return
			}
			for _, it := range items {
				s.items[it.ID] = it
			}
			// newest first: the store orders by school for the acts
			sortDistributionsNewest(rows)
			total := len(rows)
			if total > recentDistributions {
				rows = rows[:recentDistributions]
			}
			s.rows = rows
			s.count.SetText(lang.L("dist.count", map[string]any{"N": number(int64(total)), "Shown": number(int64(len(rows)))}))
			s.table.reload()
			s.sel = -1
			s.takeBack.Disable()
			s.place.restore(s.table)
		})
	})
}

func (s *distributionsScreen) onNewTapped()  { s.give.clear() }
func (s *distributionsScreen) onSaveTapped() { s.give.onGiveTapped() }
func (s *distributionsScreen) focusSearch()  { s.u.win.Canvas().Focus(s.give.search) }
