package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// sponsorForm adds or edits one sponsor and lists its donations.
type sponsorForm struct {
	u       *App
	sponsor data.Sponsor
	state   formState
	saved   func(id int64)

	heading                        *widget.Label
	kind                           *widget.Select
	kinds                          choice
	name, bin, headName, headTitle *lineEntry
	nameRU                         *lineEntry // the name in Russian documents
	contact, phone, email, address *lineEntry
	notes                          *textArea
	consent                        *widget.Check
	save, del                      *widget.Button
	onDelete                       func()
	donations                      []data.Donation
	donationList                   *widget.List
}

func newSponsorForm(u *App, saved func(int64)) *sponsorForm {
	f := &sponsorForm{u: u, saved: saved, heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	f.kinds = newChoice(data.SponsorKinds, func(k string) string { return lang.L("sponsor.kind." + k) })
	f.kind = newSelect(f.kinds.labels, func(string) { f.state.mark() })
	f.name, f.bin, f.headName, f.headTitle = newLineEntry(), newLineEntry(), newLineEntry(), newLineEntry()
	f.nameRU = newLineEntry()
	f.nameRU.SetPlaceHolder(lang.L("field.name_ru.hint"))
	f.contact, f.phone, f.email, f.address = newLineEntry(), newPhoneEntry(), newLineEntry(), newLineEntry()
	f.notes = newTextArea(2)
	f.bin.Validator = binValidator
	f.bin.SetPlaceHolder("123456789012")
	f.consent = widget.NewCheck(lang.L("sponsor.public_consent"), func(bool) { f.state.mark() })
	f.state.track(f.name, f.nameRU, f.bin, f.headName, f.headTitle, f.contact, f.phone, f.email, f.address, f.notes)
	f.save = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), f.onSaveTapped)
	f.save.Importance = widget.HighImportance
	f.del = newDeleteButton(func() { f.onDelete() })
	f.heading.Wrapping = fyne.TextWrapWord // a long name wraps beside the buttons
	f.donationList = widget.NewList(func() int { return len(f.donations) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			d := f.donations[i]
			o.(*widget.Label).SetText(tn("sponsor.donation_line", int64(len(d.Items)), map[string]any{"Date": dateText(d.DonatedOn),
				"Money": money(d.MoneyTenge), "Value": money(d.ValueTenge())}))
		})
	f.edit(data.Sponsor{Kind: data.SponsorLegal})
	return f
}

// binValidator checks a BIN (or a person's IIN) as it is typed.
func binValidator(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if _, err := data.ParseBIN(s); err != nil {
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			return errors.New(lang.L(ve.Key))
		}
		return err
	}
	return nil
}

func (f *sponsorForm) buildUI() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.kind"), f.kind),
		widget.NewFormItem(lang.L("field.name"), f.name),
		widget.NewFormItem(lang.L("field.name_ru"), f.nameRU),
		widget.NewFormItem(lang.L("field.bin"), withError(f.bin)),
		widget.NewFormItem(lang.L("field.head_name"), f.headName),
		widget.NewFormItem(lang.L("field.head_title"), f.headTitle),
		widget.NewFormItem(lang.L("field.contact"), f.contact),
		widget.NewFormItem(lang.L("field.phone"), f.phone),
		widget.NewFormItem(lang.L("field.email"), f.email),
		widget.NewFormItem(lang.L("field.address"), f.address),
		widget.NewFormItem(lang.L("field.notes"), f.notes),
	)
	donations := widget.NewCard("", lang.L("sponsor.donations"), f.donationList)
	top := newFormScroll(container.NewPadded(container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(f.del, f.save), f.heading), form, f.consent)))
	split := container.NewVSplit(top, donations)
	split.Offset = 0.72
	return split
}

// edit fills the form with sp (a new sponsor when sp.ID is 0).
func (f *sponsorForm) edit(sp data.Sponsor) {
	f.sponsor = sp
	f.state.fill(func() {
		if sp.ID == 0 {
			f.heading.SetText(lang.L("sponsors.new"))
		} else {
			f.heading.SetText(fmt.Sprintf("%s · %s", lang.L("sponsors.edit"), sp.Name))
		}
		f.kind.SetSelected(f.kinds.label(sp.Kind))
		f.name.SetText(sp.Name)
		f.nameRU.SetText(sp.NameRU)
		f.bin.SetText(sp.BIN)
		f.headName.SetText(sp.HeadName)
		f.headTitle.SetText(sp.HeadTitle)
		f.contact.SetText(sp.ContactPerson)
		f.phone.SetText(sp.Phone)
		f.email.SetText(sp.Email)
		f.address.SetText(sp.Address)
		f.notes.SetText(sp.Notes)
		f.consent.SetChecked(sp.PublicConsent)
	})
	f.del.Disable()
	if sp.ID != 0 {
		f.del.Enable()
	}
	f.donations = nil
	f.donationList.Refresh()
	if sp.ID == 0 {
		return
	}
	filter := data.DonationFilter{SponsorID: sp.ID, CampaignID: f.u.campaign.ID}
	background(func() {
		ds, err := f.u.st.FindDonations(f.u.ctx, filter)
		fyne.Do(func() {
			if err != nil {
				showError(f.u.win, err)
				return
			}
			f.donations = ds
			f.donationList.Refresh()
		})
	})
}

func (f *sponsorForm) onSaveTapped() {
	sp := f.sponsor
	sp.Kind = f.kinds.code(f.kind.Selected)
	sp.Name, sp.BIN, sp.HeadName, sp.HeadTitle = f.name.Text, f.bin.Text, f.headName.Text, f.headTitle.Text
	sp.NameRU = f.nameRU.Text
	sp.ContactPerson, sp.Phone, sp.Email, sp.Address = f.contact.Text, data.FormatPhone(f.phone.Text), f.email.Text, f.address.Text
	sp.Notes, sp.PublicConsent = f.notes.Text, f.consent.Checked
	var err error
	if sp.ID == 0 {
		err = f.u.st.CreateSponsor(f.u.ctx, &sp)
	} else {
		err = f.u.st.UpdateSponsor(f.u.ctx, &sp)
	}
	if err != nil {
		showSaveError(f.u.win, err, f.reload)
		return
	}
	f.edit(sp)
	f.saved(sp.ID)
}

// reload opens the sponsor's current version, another clerk's change
// included, in place of what was typed.
func (f *sponsorForm) reload() {
	sp, err := f.u.st.FindSponsorByID(f.u.ctx, f.sponsor.ID)
	if err != nil {
		showError(f.u.win, err)
		return
	}
	f.edit(sp)
	f.saved(sp.ID)
}
