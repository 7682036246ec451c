package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// appealForm registers a call from the keyboard alone — Ctrl+N, the
// channel is the hotline, Tab through name, phone and subject, Ctrl+S —
// and edits an appeal's status and resolution.
type appealForm struct {
	u      *App
	appeal data.Appeal
	state  formState
	saved  func()

	heading                       *widget.Label
	channel, status               *widget.Select
	channels, statuses            choice
	citizen, phone, assigned, due *lineEntry
	subject, resolution           *textArea
	save                          *widget.Button
	child                         *appealChild
}

func newAppealForm(u *App, saved func()) *appealForm {
	f := &appealForm{u: u, saved: saved, heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	changed := func(string) { f.state.mark() }
	f.channels = newChoice(data.AppealChannels, func(c string) string { return lang.L("appeal.channel." + c) })
	f.statuses = newChoice(data.AppealStatuses, func(c string) string { return lang.L("appeal.status." + c) })
	f.channel = newSelect(f.channels.labels, changed)
	f.status = newSelect(f.statuses.labels, changed)
	f.citizen, f.phone, f.assigned, f.due = newLineEntry(), newPhoneEntry(), newLineEntry(), newLineEntry()
	f.subject, f.resolution = newTextArea(3), newTextArea(3)
	f.due.Validator = dateValidator
	f.due.SetPlaceHolder(lang.L("appeal.due_auto"))
	f.child = newAppealChild(f)
	f.state.track(f.citizen, f.phone, f.subject, f.assigned, f.due, f.resolution)
	f.save = widget.NewButtonWithIcon(lang.L("action.save")+" (Ctrl+S)", theme.DocumentSaveIcon(), f.onSaveTapped)
	f.save.Importance = widget.HighImportance
	f.newCall()
	return f
}

func (f *appealForm) buildUI() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.citizen_name"), f.citizen),
		widget.NewFormItem(lang.L("field.citizen_phone"), f.phone),
		widget.NewFormItem(lang.L("field.subject"), f.subject),
		widget.NewFormItem(lang.L("field.child"), f.child.buildUI()),
		widget.NewFormItem(lang.L("field.channel"), f.channel),
		widget.NewFormItem(lang.L("field.due_on"), f.due),
		widget.NewFormItem(lang.L("field.assigned_to"), f.assigned),
		widget.NewFormItem(lang.L("field.status"), f.status),
		widget.NewFormItem(lang.L("field.resolution"), f.resolution),
	)
	hint := widget.NewLabel(lang.L("appeals.keyboard_hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return newFormScroll(container.NewPadded(container.NewVBox(f.heading, form, container.NewHBox(f.save), hint)))
}

// newCall empties the form for a hotline call and puts the cursor on the
// caller's name.
func (f *appealForm) newCall() {
	f.appeal = data.Appeal{Channel: data.ChannelHotline, Status: data.AppealNew}
	f.fill()
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.citizen); c != nil {
		c.Focus(f.citizen)
	}
}

func (f *appealForm) edit(a data.Appeal) {
	f.appeal = a
	f.fill()
}

func (f *appealForm) fill() {
	a := f.appeal
	f.state.fill(func() {
		if a.ID == 0 {
			f.heading.SetText(lang.L("appeals.new_call"))
		} else {
			f.heading.SetText(lang.L("appeals.edit", map[string]any{"N": a.RegNumber}))
		}
		f.channel.SetSelected(f.channels.label(a.Channel))
		f.status.SetSelected(f.statuses.label(a.Status))
		f.citizen.SetText(a.CitizenName)
		f.phone.SetText(a.CitizenPhone)
		f.subject.SetText(a.Subject)
		f.assigned.SetText(a.AssignedTo)
		f.due.SetText(dateText(a.DueOn))
		f.resolution.SetText(a.Resolution)
		f.child.set(a.ChildID)
	})
}

func (f *appealForm) onSaveTapped() {
	a := f.appeal
	a.CampaignID = f.u.campaign.ID
	if a.ID == 0 { // at this minute, on the campaign's day (ui/campaign_dates.go)
		now, day := time.Now(), f.u.campaignDay()
		a.ReceivedAt = time.Date(day.Year(), day.Month(), day.Day(), now.Hour(), now.Minute(), 0, 0, now.Location())
	}
	a.Channel, a.Status = f.channels.code(f.channel.Selected), f.statuses.code(f.status.Selected)
	a.CitizenName, a.CitizenPhone, a.Subject = f.citizen.Text, data.FormatPhone(f.phone.Text), f.subject.Text
	a.AssignedTo, a.Resolution = f.assigned.Text, f.resolution.Text
	a.ChildID = f.child.id
	due, ok := parseDate(f.due.Text)
	if !ok {
		showError(f.u.win, &data.ValidationError{Field: "due_on", Value: f.due.Text, Key: "err.date"})
		return
	}
	a.DueOn = due
	var err error
	if a.ID == 0 {
		err = f.u.st.CreateAppeal(f.u.ctx, &a)
	} else {
		err = f.u.st.UpdateAppeal(f.u.ctx, &a)
	}
	if err != nil {
		showSaveError(f.u.win, err, f.reload)
		return
	}
	f.edit(a)
	f.saved()
}

// reload opens the appeal's current version, another clerk's change
// included, in place of what was typed.
func (f *appealForm) reload() {
	a, err := f.u.st.FindAppealByID(f.u.ctx, f.appeal.ID)
	if err != nil {
		showError(f.u.win, err)
		return
	}
	f.edit(a)
	f.saved()
}
