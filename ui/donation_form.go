package ui

import (
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// donationForm edits a donation: money and/or in-kind lines picked from
// the catalogue.
type donationForm struct {
	u        *App
	screen   *donationsScreen
	donation data.Donation
	state    formState

	heading      *widget.Label
	sponsor      *widget.SelectEntry
	sponsorNames []string
	sponsorIDs   map[string]int64
	itemChoice   choice
	date, money  *lineEntry
	notes        *lineEntry
	lines        *fyne.Container
	cols         *lineColumns // of the lines and their header (ui/donation_lines.go)
	rows         []*lineRow
	del          *widget.Button
}

// lineRow is one in-kind line's widgets.
type lineRow struct {
	item             *widget.Select
	size, qty, value *lineEntry
	box              *fyne.Container
}

func newDonationForm(u *App, s *donationsScreen) *donationForm {
	f := &donationForm{u: u, screen: s, sponsorIDs: map[string]int64{}, lines: container.NewVBox(), cols: &lineColumns{},
		heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	f.sponsor = widget.NewSelectEntry(nil)
	f.sponsor.SetPlaceHolder(lang.L("donations.sponsor_hint"))
	f.date, f.money, f.notes = newLineEntry(), newLineEntry(), newLineEntry()
	f.date.Validator = dateValidator
	f.state.track(f.date, f.money, f.notes)
	f.sponsor.OnChanged = f.onSponsorTyped
	return f
}

// onSponsorTyped narrows the sponsor picker to the names typed so far.
func (f *donationForm) onSponsorTyped(q string) {
	f.state.mark()
	q = strings.ToLower(strings.TrimSpace(q))
	var opts []string
	for _, n := range f.sponsorNames {
		if q == "" || strings.Contains(strings.ToLower(n), q) {
			opts = append(opts, n)
			if len(opts) == 30 {
				break
			}
		}
	}
	f.sponsor.SetOptions(opts)
}

// donationCatalogue is what the form's pickers offer, in the alphabet of
// the clerk's language: made off the UI goroutine, since collating a
// region's thousands of sponsors froze the window.
type donationCatalogue struct {
	sponsorNames []string
	sponsorIDs   map[string]int64
	itemChoice   choice
}

func newDonationCatalogue(sponsors []data.Sponsor, items []data.AidItem) donationCatalogue {
	c := donationCatalogue{sponsorIDs: map[string]int64{}}
	sponsors = slices.Clone(sponsors)
	// each name's key made once: SortFunc made two at each comparison,
	// 80 ms of CPU for a region's 5,000 sponsors
	lingo.SortByKeys(language(), sponsors, func(sp data.Sponsor) []string { return []string{lingo.FileUnder(sp.Name)} })
	for _, sp := range sponsors {
		label := sp.Name
		if sp.BIN != "" {
			label += " · " + sp.BIN
		}
		c.sponsorNames = append(c.sponsorNames, label)
		c.sponsorIDs[label] = sp.ID
	}
	var codes []string
	byID := map[string]data.AidItem{}
	for _, it := range items {
		code := strconv.FormatInt(it.ID, 10)
		codes = append(codes, code)
		byID[code] = it
	}
	lingo.SortFunc(language(), codes, func(c string) string { return byID[c].Name(language()) })
	c.itemChoice = newChoice(codes, func(c string) string { return byID[c].Name(language()) })
	return c
}

func (f *donationForm) setCatalogue(c donationCatalogue) {
	f.sponsorNames, f.sponsorIDs, f.itemChoice = c.sponsorNames, c.sponsorIDs, c.itemChoice
	if f.donation.ID == 0 && f.donation.DonatedOn.IsZero() {
		f.edit(data.Donation{DonatedOn: f.u.campaignDay()})
	}
}

func (f *donationForm) buildUI() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.L("donations.add_line"), theme.ContentAddIcon(), func() {
		f.addLine(data.DonationItem{Quantity: 1})
		f.state.dirty = true
	})
	save := widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), f.onSaveTapped)
	save.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.sponsor"), f.sponsor),
		widget.NewFormItem(lang.L("field.donated_on"), f.date),
		widget.NewFormItem(lang.L("field.money_tenge"), f.money),
		widget.NewFormItem(lang.L("field.notes"), f.notes))
	// the header stands over the lines' columns: as wide as a line less
	// its remove button
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(widget.NewButtonWithIcon("", theme.DeleteIcon(), nil).MinSize())
	f.cols.head = []fyne.CanvasObject{widget.NewLabel(lang.L("field.item")), widget.NewLabel(lang.L("field.size")),
		widget.NewLabel(lang.L("field.quantity")), widget.NewLabel(lang.L("field.unit_value"))}
	header := container.NewBorder(nil, nil, nil, gap, container.New(f.cols, f.cols.head...))
	lines := widget.NewCard("", lang.L("donations.in_kind"), container.NewVBox(header, f.lines, container.NewHBox(add)))
	return container.NewVScroll(container.NewPadded(container.NewVBox(f.heading, form, lines, container.NewHBox(save, f.del))))
}

func (f *donationForm) addLine(it data.DonationItem) {
	r := &lineRow{item: newSelect(f.itemChoice.labels, func(string) { f.state.mark() }),
		size: newLineEntry(), qty: newLineEntry(), value: newLineEntry()}
	r.item.SetSelected(f.itemChoice.label(strconv.FormatInt(it.ItemID, 10)))
	r.size.SetText(it.Size)
	r.qty.SetText(strconv.FormatInt(it.Quantity, 10))
	r.value.SetText(strconv.FormatInt(it.UnitValueTenge, 10))
	f.state.track(r.size, r.qty, r.value)
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	r.box = container.NewBorder(nil, nil, nil, remove, container.New(f.cols, r.item, r.size, r.qty, r.value))
	remove.OnTapped = func() {
		for i, x := range f.rows {
			if x == r {
				f.rows = append(f.rows[:i], f.rows[i+1:]...)
			}
		}
		f.lines.Remove(r.box)
		f.state.dirty = true
	}
	f.rows = append(f.rows, r)
	f.lines.Add(r.box)
}

func (f *donationForm) edit(d data.Donation) {
	f.donation = d
	if f.del != nil {
		f.del.Disable()
		if d.ID != 0 {
			f.del.Enable()
		}
	}
	f.state.fill(func() {
		if d.ID == 0 {
			f.heading.SetText(lang.L("donations.new"))
		} else {
			f.heading.SetText(lang.L("donations.edit"))
		}
		name := ""
		for label, id := range f.sponsorIDs {
			if id == d.SponsorID {
				name = label
			}
		}
		f.sponsor.SetText(name)
		f.date.SetText(dateText(d.DonatedOn))
		f.money.SetText(strconv.FormatInt(d.MoneyTenge, 10))
		f.notes.SetText(d.Notes)
		f.rows = nil
		f.lines.RemoveAll()
		for _, it := range d.Items {
			f.addLine(it)
		}
	})
}

// read builds the donation from the fields, naming a field it cannot read.
func (f *donationForm) read() (data.Donation, error) {
	d := f.donation
	d.CampaignID = f.u.campaign.ID
	d.SponsorID = f.sponsorIDs[f.sponsor.Text]
	var ok bool
	if d.DonatedOn, ok = parseDate(f.date.Text); !ok {
		return d, &data.ValidationError{Field: "donated_on", Value: f.date.Text, Key: "err.date"}
	}
	if d.MoneyTenge, ok = parseInt(f.money.Text); !ok {
		return d, &data.ValidationError{Field: "money_tenge", Value: f.money.Text, Key: "err.number"}
	}
	d.Notes, d.Items = f.notes.Text, nil
	for i, r := range f.rows {
		it := data.DonationItem{Size: r.size.Text}
		it.ItemID, _ = strconv.ParseInt(f.itemChoice.code(r.item.Selected), 10, 64)
		field := "items[" + strconv.Itoa(i+1) + "]."
		if it.Quantity, ok = parseInt(r.qty.Text); !ok {
			return d, &data.ValidationError{Field: field + "quantity", Value: r.qty.Text, Key: "err.number"}
		}
		if it.UnitValueTenge, ok = parseInt(r.value.Text); !ok {
			return d, &data.ValidationError{Field: field + "unit_value", Value: r.value.Text, Key: "err.number"}
		}
		d.Items = append(d.Items, it)
	}
	return d, nil
}

func (f *donationForm) onSaveTapped() {
	d, err := f.read()
	if err != nil {
		showSaveError(f.u.win, err, f.reload)
		return
	}
	f.u.askOutsideCampaign(d.DonatedOn, func() { f.store(d) })
}

func (f *donationForm) store(d data.Donation) {
	var err error
	if d.ID == 0 {
		err = f.u.st.CreateDonation(f.u.ctx, &d)
	} else {
		err = f.u.st.UpdateDonation(f.u.ctx, &d)
	}
	if err != nil {
		showSaveError(f.u.win, err, f.reload)
		return
	}
	f.edit(d)
	f.screen.reload()
}

// reload opens the donation's current version, another clerk's change
// included, in place of what was typed.
func (f *donationForm) reload() {
	d, err := f.u.st.FindDonationByID(f.u.ctx, f.donation.ID)
	if err != nil {
		showError(f.u.win, err)
		return
	}
	f.edit(d)
	f.screen.reload()
}
