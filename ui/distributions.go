package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// distPage is how many distributions the list asks the store for at a
// time, newest first; «more» asks for the next page.
const distPage = 200

// distributionsScreen gives items to one child or a group and lists what
// was given.
type distributionsScreen struct {
	u     *App
	rows  []data.DistributionRow // the pages shown, not the campaign
	total int                    // the campaign's count, -1 while unknown
	items map[int64]data.AidItem
	table *dataTable
	count *widget.Label
	busy  *spinner       // while a page loads
	more  *widget.Button // the next page
	give  *giveForm

	loads   loader // ui/loader.go
	loadCtx context.Context
	filter  data.DistributionFilter // of the rows shown

	sel      int // the selected row, -1: none
	takeBack *widget.Button
	place    listPlace

	pending *widget.Check  // only those waiting for the head
	approve *widget.Button // the head's
}

func newDistributionsScreen(u *App) *distributionsScreen {
	s := &distributionsScreen{u: u, items: map[int64]data.AidItem{}, count: widget.NewLabel(""), total: -1}
	s.busy = newSpinner()
	s.busy.Hide()
	s.more = widget.NewButtonWithIcon(lang.L("dist.more"), theme.MoreVerticalIcon(), s.onMoreTapped)
	s.more.Hide()
	s.table = newDataTable([]string{lang.L("col.date"), lang.L("col.act"), lang.L("col.full_name"), lang.L("col.school"),
		lang.L("col.item"), lang.L("col.quantity"), lang.L("col.approved")}, []float32{100, 120, 240, 70, 170, 70, 110},
		func() int { return len(s.rows) }, s.cell)
	s.give = newGiveForm(u, s.reload)
	s.sel = -1
	s.table.selected = s.onSelected
	s.takeBack = widget.NewButtonWithIcon(lang.L("delete.distribution.button"), theme.ContentUndoIcon(), s.onTakeBackTapped)
	s.takeBack.Disable()
	s.pending = widget.NewCheck(lang.L("dist.pending"), func(bool) { s.load(true) })
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
		container.NewBorder(nil, nil, container.NewHBox(title, s.busy, s.count), s.fileButton()),
		container.NewHBox(s.pending, layout.NewSpacer(), s.approve, s.takeBack))
	list := container.NewBorder(head, container.NewHBox(layout.NewSpacer(), s.more), nil, nil, s.table.table)
	split := container.NewHSplit(s.give.buildUI(), list)
	split.Offset = 0.45
	return split
}

// refresh shows the screen's list; coming back while the list still
// loads joins that load.
func (s *distributionsScreen) refresh() {
	s.give.refresh()
	s.load(false)
}

// reload lists again after a change (a save, a take-back, an approval).
func (s *distributionsScreen) reload() {
	s.give.refresh()
	s.load(true)
}

// load asks the store for the newest page and, beside it, the count; a
// newer load cancels this one. Only the page is held, never the campaign.
func (s *distributionsScreen) load(fresh bool) {
	f := data.DistributionFilter{CampaignID: s.u.campaign.ID, Pending: s.pending.Checked}
	ctx, gen, ok := s.loads.start(s.u.ctx, fmt.Sprint(f.CampaignID, f.Pending), fresh)
	if !ok {
		return // the same list is on its way
	}
	s.loadCtx, s.filter, s.total = ctx, f, -1
	started := time.Now()
	s.showRows(nil)
	spinWhenSlow(s.busy, func() bool { return s.loads.running && s.loads.current(gen) })
	background(func() {
		items, err := s.u.st.FindAidItems(ctx)
		var rows []data.DistributionRow
		if err == nil {
			rows, err = s.u.st.FindNewestDistributions(ctx, f, data.DistributionCursor{}, distPage)
		}
		fyne.Do(func() {
			if !s.loads.current(gen) {
				return // a newer load took over
			}
			s.loads.done(gen)
			stopSpin(s.busy)
			if err != nil {
				showError(s.u.win, err)
				return
			}
			for _, it := range items {
				s.items[it.ID] = it
			}
			s.showRows(rows)
			s.u.timings.listShown(scrDistributions, len(rows), started) // ui/timings.go
			s.place.restore(s.table)
			s.loadCount(ctx, gen, f)
		})
	})
}

// loadCount counts the list's distributions once its first page is on
// screen: the page comes first, the count (a scan of the campaign's
// index) as soon as it is known.
func (s *distributionsScreen) loadCount(ctx context.Context, gen int, f data.DistributionFilter) {
	background(func() {
		n, err := s.u.st.CountDistributions(ctx, f)
		fyne.Do(func() {
			if !s.loads.current(gen) {
				return
			}
			if err != nil {
				showError(s.u.win, err)
				return
			}
			s.total = n
			s.showCount()
		})
	})
}

// onMoreTapped appends the next page.
func (s *distributionsScreen) onMoreTapped() {
	if len(s.rows) == 0 || s.loadCtx == nil {
		return
	}
	ctx, f, after := s.loadCtx, s.filter, s.rows[len(s.rows)-1].Cursor()
	more(s.u, &s.loads, s.more, func() ([]data.DistributionRow, error) { return s.u.st.FindNewestDistributions(ctx, f, after, distPage) },
		func(rows []data.DistributionRow) { s.showRows(append(s.rows, rows...)) })
}

// showRows lists rows (nil: none yet) and offers the next page after a
// full one.
func (s *distributionsScreen) showRows(rows []data.DistributionRow) {
	s.rows = rows
	if len(rows) > 0 && len(rows)%distPage == 0 && (s.total < 0 || len(rows) < s.total) {
		s.more.Show()
	} else {
		s.more.Hide()
	}
	s.showCount()
	s.table.reload()
	s.sel = -1
	s.takeBack.Disable()
	s.updateApprove()
}

func (s *distributionsScreen) showCount() {
	switch {
	case s.total < 0:
		s.count.SetText(lang.L("dist.loading"))
	default:
		s.count.SetText(lang.L("dist.count", map[string]any{"N": number(int64(s.total)), "Shown": number(int64(len(s.rows)))}))
	}
	if s.total >= 0 && len(s.rows) >= s.total {
		s.more.Hide()
	}
}

// onLeft lets go of the rows; a load on its way still comes in, small.
func (s *distributionsScreen) onLeft() {
	s.rows = nil
	s.table.reload()
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
			s.reload()
			s.count.SetText(lang.L("dist.approved_n", map[string]any{"N": n}))
		})
	})
}
