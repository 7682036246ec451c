package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// confirmAction asks the clerk before a delete (or archive) that names the
// record, then runs act; a refusal of the store is shown with refused, the
// translated sentence for data.ErrConflict.
func (u *App) confirmAction(title, question, button, refused string, act func() error, done func()) {
	d := dialog.NewConfirm(title, question, func(ok bool) {
		if !ok {
			return
		}
		if err := act(); err != nil {
			showDeleteError(u.win, err, refused)
			return
		}
		done()
	}, u.win)
	d.SetConfirmText(button)
	d.SetDismissText(lang.L("action.cancel"))
	d.Show()
}

// showDeleteError explains a refused delete: a row other records still
// point to is ErrConflict, which for a delete means «it is in use».
func showDeleteError(w fyne.Window, err error, refused string) {
	if errors.Is(err, data.ErrConflict) && refused != "" {
		fyne.LogError("delete refused", err)
		dialogError(w, refused)
		return
	}
	showError(w, err)
}

// newDeleteButton is the form's «Жою» button, disabled until a saved
// record is open.
func newDeleteButton(tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("action.delete"), theme.DeleteIcon(), tapped)
	b.Importance = widget.DangerImportance
	b.Disable()
	return b
}

// listPlace keeps the clerk's place in a list across the reload after a
// delete: the row that took the removed one's place is scrolled to and
// opened.
type listPlace struct {
	row int
	set bool
}

func (p *listPlace) mark(row int) { p.row, p.set = row, true }

// restore runs after the table reloaded (which scrolls to the top).
func (p *listPlace) restore(t *dataTable) {
	if !p.set {
		return
	}
	p.set = false
	n := t.rows()
	if n == 0 {
		return
	}
	row := min(p.row, n-1)
	t.table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
	t.table.Select(widget.TableCellID{Row: row, Col: 0})
}

// rowOf returns the index of the row with id, or 0.
func rowOf(n int, id func(i int) int64, want int64) int {
	for i := 0; i < n; i++ {
		if id(i) == want {
			return i
		}
	}
	return 0
}

// onDeleteTapped asks to delete the sponsor in the form; the store refuses
// one with donations or letters.
func (s *sponsorsScreen) onDeleteTapped() {
	sp := s.form.sponsor
	if sp.ID == 0 {
		return
	}
	// refused before asking: a sponsor with donations is never deleted
	if ds, err := s.u.st.FindDonations(s.u.ctx, data.DonationFilter{SponsorID: sp.ID}); err == nil && len(ds) > 0 {
		dialogError(s.u.win, lang.L("delete.sponsor.refused"))
		return
	}
	row := rowOf(len(s.rows), func(i int) int64 { return s.rows[i].ID }, sp.ID)
	s.u.confirmAction(lang.L("delete.sponsor.title"), lang.L("delete.sponsor.question", map[string]any{"Name": quoted(sp.Name)}),
		lang.L("action.delete"), lang.L("delete.sponsor.refused"),
		func() error { return s.u.st.DeleteSponsor(s.u.ctx, sp.ID) },
		func() {
			s.form.edit(data.Sponsor{Kind: data.SponsorLegal})
			s.place.mark(row)
			s.refresh()
		})
}

// onDeleteTapped asks to delete the donation in the form with its lines.
func (s *donationsScreen) onDeleteTapped() {
	d := s.form.donation
	if d.ID == 0 {
		return
	}
	row := rowOf(len(s.rows), func(i int) int64 { return s.rows[i].ID }, d.ID)
	s.u.confirmAction(lang.L("delete.donation.title"), lang.L("delete.donation.question", map[string]any{
		"Date": dateText(d.DonatedOn), "Sponsor": s.sponsors[d.SponsorID].Name, "Value": money(d.ValueTenge())}),
		lang.L("action.delete"), lang.L("delete.donation.refused"),
		func() error { return s.u.st.DeleteDonation(s.u.ctx, d.ID) },
		func() {
			s.form.edit(data.Donation{DonatedOn: s.u.campaignDay()})
			s.place.mark(row)
			s.reload()
		})
}

// onTakeBackTapped asks to take back the distribution selected in the list
// (given by mistake); the stock grows back.
func (s *distributionsScreen) onTakeBackTapped() {
	if s.sel < 0 || s.sel >= len(s.rows) {
		return
	}
	r, row := s.rows[s.sel], s.sel
	s.u.confirmAction(lang.L("delete.distribution.title"), lang.L("delete.distribution.question", map[string]any{
		"Item": s.cell(row, 4), "Quantity": number(r.Quantity), "Child": r.ChildName, "Date": dateText(r.GivenOn)}),
		lang.L("delete.distribution.button"), "",
		func() error { return s.u.st.DeleteDistribution(s.u.ctx, r.ID) },
		func() {
			s.sel = -1
			s.takeBack.Disable()
			s.place.mark(row)
			s.reload()
		})
}

func (s *distributionsScreen) onRowSelected(row int) {
	s.sel = row
	s.takeBack.Enable()
}
