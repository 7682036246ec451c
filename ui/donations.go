package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// donationPage is how many donations the list asks the store for at a
// time, newest first; «more» asks for the next page.
const donationPage = 200

// donationsScreen lists the campaign's donations, a page at a time, and
// edits one.
type donationsScreen struct {
	u        *App
	rows     []data.Donation // the pages shown, not the campaign
	total    int             // the campaign's count, -1 while unknown
	sponsors map[int64]data.Sponsor
	items    map[int64]data.AidItem
	table    *dataTable
	count    *widget.Label
	busy     *spinner       // while a page loads
	more     *widget.Button // the next page
	form     *donationForm
	place    listPlace

	loads   loader // ui/loader.go
	loadCtx context.Context
	filter  data.DonationFilter // of the rows shown
}

func newDonationsScreen(u *App) *donationsScreen {
	s := &donationsScreen{u: u, count: widget.NewLabel(""), total: -1, sponsors: map[int64]data.Sponsor{}, items: map[int64]data.AidItem{}}
	s.busy = newSpinner()
	s.busy.Hide()
	s.more = widget.NewButtonWithIcon(lang.L("dist.more"), theme.MoreVerticalIcon(), s.onMoreTapped)
	s.more.Hide()
	s.table = newDataTable([]string{lang.L("col.date"), lang.L("col.sponsor"), lang.L("col.money"),
		lang.L("col.in_kind"), lang.L("col.value")}, []float32{95, 230, 120, 240, 120},
		func() int { return len(s.rows) }, s.cell)
	s.table.selected = s.onRowSelected
	s.form = newDonationForm(u, s)
	s.form.del = newDeleteButton(s.onDeleteTapped)
	return s
}

func (s *donationsScreen) cell(row, col int) string {
	d := s.rows[row]
	switch col {
	case 0:
		return dateText(d.DonatedOn)
	case 1:
		return s.sponsors[d.SponsorID].Name
	case 2:
		return money(d.MoneyTenge)
	case 3:
		var parts []string
		for _, it := range d.Items {
			parts = append(parts, fmt.Sprintf("%s × %s", s.items[it.ItemID].Name(language()), number(it.Quantity)))
		}
		return strings.Join(parts, "; ")
	}
	return money(d.ValueTenge())
}

func (s *donationsScreen) buildUI() fyne.CanvasObject {
	newBtn := widget.NewButtonWithIcon(lang.L("donations.new"), theme.ContentAddIcon(), s.onNewTapped)
	top := container.NewBorder(nil, nil, container.NewHBox(s.busy, s.count), container.NewHBox(newBtn, s.fileButton()))
	list := container.NewBorder(top, container.NewHBox(layout.NewSpacer(), s.more), nil, nil, s.table.table)
	split := container.NewHSplit(list, s.form.buildUI())
	// half each: the list's date, sponsor and sum, and the form's lines
	// with room for an item's name (the lines' header no longer holds the
	// form wider than the split asks, ui/donation_lines.go)
	split.Offset = 0.5
	return split
}

// refresh shows the screen's list; coming back while the list still
// loads joins that load.
func (s *donationsScreen) refresh() { s.load(false) }

// reload lists again after a change (a save, a delete).
func (s *donationsScreen) reload() { s.load(true) }

// load asks the store for the newest page, its count and the form's
// pickers; a newer load cancels this one. Only the page is held, never
// the campaign.
func (s *donationsScreen) load(fresh bool) {
	f := data.DonationFilter{CampaignID: s.u.campaign.ID}
	ctx, gen, ok := s.loads.start(s.u.ctx, fmt.Sprint(f.CampaignID), fresh)
	if !ok {
		return // the same list is on its way
	}
	s.loadCtx, s.filter, s.total = ctx, f, -1
	s.showRows(nil)
	spinWhenSlow(s.busy, func() bool { return s.loads.running && s.loads.current(gen) })
	background(func() {
		var items []data.AidItem
		var rows []data.Donation
		var total int
		var cat donationCatalogue
		sponsors, err := s.u.st.FindSponsorNames(ctx)
		if err == nil {
			items, err = s.u.st.FindAidItems(ctx)
		}
		if err == nil {
			rows, err = s.u.st.FindNewestDonations(ctx, f, data.DonationCursor{}, donationPage)
		}
		if err == nil {
			total, err = s.u.st.CountDonations(ctx, f)
		}
		if err == nil {
			cat = newDonationCatalogue(sponsors, items) // collating thousands of names: here, not on the UI goroutine
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
			s.sponsors = map[int64]data.Sponsor{}
			for _, sp := range sponsors {
				s.sponsors[sp.ID] = sp
			}
			for _, it := range items {
				s.items[it.ID] = it
			}
			s.form.setCatalogue(cat)
			s.total = total
			s.showRows(rows)
			s.place.restore(s.table)
		})
	})
}

// onMoreTapped appends the next page.
func (s *donationsScreen) onMoreTapped() {
	if len(s.rows) == 0 || s.loadCtx == nil {
		return
	}
	ctx, f, after := s.loadCtx, s.filter, s.rows[len(s.rows)-1].Cursor()
	more(s.u, &s.loads, s.more, func() ([]data.Donation, error) { return s.u.st.FindNewestDonations(ctx, f, after, donationPage) },
		func(rows []data.Donation) { s.showRows(append(s.rows, rows...)) })
}

// showRows lists rows (nil: none yet) and offers the next page while
// the count says there are more.
func (s *donationsScreen) showRows(rows []data.Donation) {
	s.rows = rows
	switch {
	case s.total < 0:
		s.count.SetText(lang.L("dist.loading"))
	case s.total > len(rows):
		s.count.SetText(lang.L("dist.count", map[string]any{"N": number(int64(s.total)), "Shown": number(int64(len(rows)))}))
	default:
		s.count.SetText(lang.L("list.count", map[string]any{"N": number(int64(s.total))}))
	}
	if s.total > len(rows) && len(rows) > 0 {
		s.more.Show()
	} else {
		s.more.Hide()
	}
	s.table.reload()
}

func (s *donationsScreen) onRowSelected(row int) {
	d := s.rows[row]
	if fresh, err := s.u.st.FindDonationByID(s.u.ctx, d.ID); err == nil {
		d = fresh // another clerk may have changed it since the list was read
	}
	s.u.whenClean(s.form.state.dirty, func() { s.form.edit(d) })
}

func (s *donationsScreen) onNewTapped() {
	s.u.whenClean(s.form.state.dirty, func() { s.form.edit(data.Donation{DonatedOn: s.u.campaignDay()}) })
}

func (s *donationsScreen) onSaveTapped() { s.form.onSaveTapped() }
func (s *donationsScreen) unsaved() bool { return s.form.state.dirty }

// showFirst opens the list's first row in the form (the screenshots' tour).
func (s *donationsScreen) showFirst() {
	if len(s.rows) > 0 {
		s.table.table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
}
