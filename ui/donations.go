package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// donationsScreen lists the campaign's donations and edits one.
type donationsScreen struct {
	u        *App
	rows     []data.Donation
	sponsors map[int64]data.SponsorRow
	items    map[int64]data.AidItem
	table    *dataTable
	count    *widget.Label
	form     *donationForm
	place    listPlace
}

func newDonationsScreen(u *App) *donationsScreen {
	s := &donationsScreen{u: u, count: widget.NewLabel(""), sponsors: map[int64]data.SponsorRow{}, items: map[int64]data.AidItem{}}
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
	top := container.NewBorder(nil, nil, nil, container.NewHBox(s.count, newBtn, s.fileButton()))
	list := container.NewBorder(top, nil, nil, nil, s.table.table)
	split := container.NewHSplit(list, s.form.buildUI())
	split.Offset = 0.6
	return split
}

func (s *donationsScreen) refresh() {
	id := s.u.campaign.ID
	background(func() {
		sponsors, err := s.u.st.FindSponsors(s.u.ctx, data.SponsorFilter{CampaignID: id})
		var items []data.AidItem
		var rows []data.Donation
		if err == nil {
			items, err = s.u.st.FindAidItems(s.u.ctx)
		}
		if err == nil {
			rows, err = s.u.st.FindDonations(s.u.ctx, data.DonationFilter{CampaignID: id})
		}
		fyne.Do(func() {
			if err != nil {
				showError(s.u.win, err)
				return
			}
			s.sponsors = map[int64]data.SponsorRow{}
			for _, sp := range sponsors {
				s.sponsors[sp.ID] = sp
			}
			for _, it := range items {
				s.items[it.ID] = it
			}
			s.form.setCatalogue(sponsors, items)
			s.rows = rows
			s.count.SetText(lang.L("list.count", map[string]any{"N": number(int64(len(rows)))}))
			s.table.reload()
			s.place.restore(s.table)
		})
	})
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
