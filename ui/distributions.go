package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
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

	pending *widget.Check  // only those waiting for the head
	approve *widget.Button // the head's
}

func newDistributionsScreen(u *App) *distributionsScreen {
	s := &distributionsScreen{u: u, items: map[int64]data.AidItem{}, count: widget.NewLabel("")}
	s.table = newDataTable([]string{lang.L("col.date"), lang.L("col.act"), lang.L("col.full_name"), lang.L("col.school"),
		lang.L("col.item"), lang.L("col.quantity"), lang.L("col.approved")}, []float32{100, 120, 240, 70, 170, 70, 110},
		func() int { return len(s.rows) }, s.cell)
	s.give = newGiveForm(u, s.refresh)
	s.sel = -1
	s.table.selected = s.onSelected
	s.takeBack = widget.NewButtonWithIcon(lang.L("delete.distribution.button"), theme.ContentUndoIcon(), s.onTakeBackTapped)
	s.takeBack.Disable()
	s.pending = widget.NewCheck(lang.L("dist.pending"), func(bool) { s.refresh() })
	s.approve = widget.NewButtonWithIcon(lang.L("dist.approve"), theme.ConfirmIcon(), s.onApproveTapped)
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
	case 6:
		if r.Pending() {
			return lang.L("dist.pending_mark")
		}
		return r.ApprovedBy
	}
	q := number(r.Quantity)
	if r.Forced {
		q += " !"
	}
	return q
}

func (s *distributionsScreen) buildUI() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("dist.recent"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if !s.u.may(data.RoleHead) {
		s.approve.Hide()
	}
	// two rows, so the list's buttons do not squeeze the form beside it
	head := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(title, s.count), s.fileButton()),
		container.NewHBox(s.pending, layout.NewSpacer(), s.approve, s.takeBack))
	list := container.NewBorder(head, nil, nil, nil, s.table.table)
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
			rows, err = s.u.st.FindDistributions(s.u.ctx, data.DistributionFilter{CampaignID: id, Pending: s.pending.Checked})
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
			s.updateApprove()
			s.place.restore(s.table)
		})
	})
}

func (s *distributionsScreen) onNewTapped()  { s.give.clear() }
func (s *distributionsScreen) onSaveTapped() { s.give.onGiveTapped() }
func (s *distributionsScreen) focusSearch()  { s.u.win.Canvas().Focus(s.give.search) }

// onSelected enables what may be done with the selected distribution: a
// clerk may take back only one that waits for the head.
func (s *distributionsScreen) onSelected(row int) {
	s.onRowSelected(row) // ui/delete.go
	if !s.rows[row].Pending() && !s.u.may(data.RoleHead) {
		s.takeBack.Disable()
	}
	s.updateApprove()
}

// pendingShown returns the listed distributions that wait for the head.
func (s *distributionsScreen) pendingShown() []int64 {
	var ids []int64
	for _, r := range s.rows {
		if r.Pending() {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// updateApprove lets the head approve the selected distribution, or, with
// none selected, every pending one listed.
func (s *distributionsScreen) updateApprove() {
	ok := len(s.pendingShown()) > 0
	if s.sel >= 0 && s.sel < len(s.rows) {
		ok = s.rows[s.sel].Pending()
	}
	if ok && s.u.may(data.RoleHead) {
		s.approve.Enable()
	} else {
		s.approve.Disable()
	}
}

func (s *distributionsScreen) onApproveTapped() {
	if s.sel >= 0 && s.sel < len(s.rows) {
		s.approveIDs([]int64{s.rows[s.sel].ID})
		return
	}
	ids := s.pendingShown()
	if len(ids) == 0 {
		return
	}
	dialog.ShowConfirm(lang.L("dist.approve"), lang.L("dist.approve_confirm", map[string]any{"N": len(ids)}),
		func(ok bool) {
			if ok {
				s.approveIDs(ids)
			}
		}, s.u.win)
}

func (s *distributionsScreen) approveIDs(ids []int64) {
	s.approve.Disable()
	background(func() {
		n, err := s.u.st.ApproveDistributions(s.u.ctx, ids)
		fyne.Do(func() {
			if err != nil {
				showError(s.u.win, err)
				s.updateApprove()
				return
			}
			s.count.SetText(lang.L("dist.approved_n", map[string]any{"N": n}))
			s.refresh()
		})
	})
}
