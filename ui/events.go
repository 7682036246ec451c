package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// eventsPanel lists the campaign's events (launch, handovers, press
// conference, hotline hours) and edits one.
type eventsPanel struct {
	u       *App
	rows    []data.Event
	schools []data.School
	ev      data.Event
	state   formState

	table                              *dataTable
	heading                            *widget.Label
	kind, school                       *widget.Select
	kinds                              choice
	heldOn, timeText, titleKK, titleRU *lineEntry
	place, placeRU                     *lineEntry // placeRU: the place in Russian documents
	note                               *textArea
	participants                       *widget.CheckGroup
	parts                              choice
	save, remove                       *widget.Button
	loads                              loader // the coverage screen's leaving cancels it
}

func newEventsPanel(u *App) *eventsPanel {
	p := &eventsPanel{u: u, heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	p.table = newDataTable([]string{lang.L("col.date"), lang.L("col.time"), lang.L("col.kind"), lang.L("col.title")},
		[]float32{100, 110, 170, 330}, func() int { return len(p.rows) }, p.cell)
	p.table.selected = func(row int) { p.edit(p.rows[row]) }
	changed := func(string) { p.state.mark() }
	p.kinds = newChoice(data.EventKinds, func(c string) string { return lang.L("event.kind." + c) })
	p.parts = newChoice(data.EventParticipants, func(c string) string { return lang.L("event.part." + c) })
	p.kind, p.school = newSelect(p.kinds.labels, changed), newSelect(nil, changed)
	entries := []**lineEntry{&p.heldOn, &p.timeText, &p.titleKK, &p.titleRU, &p.place, &p.placeRU}
	for _, e := range entries {
		*e = newLineEntry()
	}
	p.note = newTextArea(2)
	p.heldOn.Validator = dateValidator
	p.timeText.SetPlaceHolder("10:00")
	p.placeRU.SetPlaceHolder(lang.L("field.place_ru.hint"))
	p.state.track(p.heldOn, p.timeText, p.titleKK, p.titleRU, p.place, p.placeRU, p.note)
	p.participants = widget.NewCheckGroup(p.parts.labels, func([]string) { changed("") })
	p.save = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), p.onSaveTapped)
	p.save.Importance = widget.HighImportance
	p.remove = widget.NewButtonWithIcon(lang.L("events.delete"), theme.DeleteIcon(), p.onDeleteTapped)
	p.edit(data.Event{})
	return p
}

func (p *eventsPanel) cell(row, col int) string {
	e := p.rows[row]
	switch col {
	case 0:
		return dateText(e.HeldOn)
	case 1:
		return e.TimeText
	case 2:
		return lang.L("event.kind." + e.Kind)
	}
	return e.Title(language())
}

func (p *eventsPanel) buildUI() fyne.CanvasObject {
	newBtn := widget.NewButtonWithIcon(lang.L("events.new"), theme.ContentAddIcon(), func() { p.edit(data.Event{}) })
	list := container.NewBorder(container.NewBorder(nil, nil, nil, newBtn), nil, nil, nil, p.table.table)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.kind"), p.kind),
		widget.NewFormItem(lang.L("field.held_on"), p.heldOn),
		widget.NewFormItem(lang.L("field.time"), p.timeText),
		widget.NewFormItem(lang.L("field.title_kk"), p.titleKK),
		widget.NewFormItem(lang.L("field.title_ru"), p.titleRU),
		widget.NewFormItem(lang.L("field.place"), p.place),
		widget.NewFormItem(lang.L("field.place_ru"), p.placeRU),
		widget.NewFormItem(lang.L("field.school"), p.school),
		widget.NewFormItem(lang.L("field.participants"), p.participants),
		widget.NewFormItem(lang.L("field.notes"), p.note))
	head := container.NewBorder(nil, nil, nil, container.NewHBox(p.remove, p.save), p.heading)
	split := container.NewHSplit(list, newFormScroll(container.NewPadded(container.NewVBox(head, form))))
	split.Offset = 0.5
	return split
}

func (p *eventsPanel) refresh() {
	type answer struct {
		rows    []data.Event
		schools []data.School
	}
	id := p.u.campaign.ID
	loadInto(p.u, &p.loads, nil, func(ctx context.Context) (a answer, err error) {
		a.rows, err = p.u.st.FindEvents(ctx, id)
		if err == nil {
			a.schools, err = p.u.st.FindSchools(ctx)
		}
		return a, err
	}, func(a answer) {
		p.rows, p.schools = a.rows, a.schools
		opts := []string{lang.L("coverage.none")}
		for _, s := range a.schools {
			opts = append(opts, lang.L("school.short", map[string]any{"N": s.Number}))
		}
		p.state.fill(func() {
			p.school.Options = opts
			p.selectSchool()
		})
		p.table.reload()
	})
}

func (p *eventsPanel) selectSchool() {
	i := 0
	for j, s := range p.schools {
		if s.ID == p.ev.SchoolID && s.ID != 0 {
			i = j + 1
		}
	}
	if len(p.school.Options) > i {
		p.school.SetSelectedIndex(i)
	}
}

func (p *eventsPanel) edit(e data.Event) {
	if e.ID == 0 {
		e = data.Event{Kind: data.EventHandover, HeldOn: today()}
	}
	p.ev = e
	p.state.fill(func() {
		if e.ID == 0 {
			p.heading.SetText(lang.L("events.new"))
			p.remove.Disable()
		} else {
			p.heading.SetText(e.Title(language()))
			p.remove.Enable()
		}
		p.kind.SetSelected(p.kinds.label(e.Kind))
		p.heldOn.SetText(dateText(e.HeldOn))
		p.timeText.SetText(e.TimeText)
		p.titleKK.SetText(e.TitleKK)
		p.titleRU.SetText(e.TitleRU)
		p.place.SetText(e.Place)
		p.placeRU.SetText(e.PlaceRU)
		p.note.SetText(e.Note)
		var sel []string
		for _, c := range e.Participants {
			sel = append(sel, p.parts.label(c))
		}
		p.participants.SetSelected(sel)
		p.selectSchool()
	})
}

func (p *eventsPanel) onSaveTapped() {
	e := p.ev
	e.CampaignID = p.u.campaign.ID
	e.Kind = p.kinds.code(p.kind.Selected)
	held, ok := parseDate(p.heldOn.Text)
	if !ok {
		showError(p.u.win, &data.ValidationError{Field: "held_on", Value: p.heldOn.Text, Key: "err.date"})
		return
	}
	e.HeldOn, e.TimeText, e.TitleKK, e.TitleRU = held, p.timeText.Text, p.titleKK.Text, p.titleRU.Text
	e.Place, e.PlaceRU, e.Note = p.place.Text, p.placeRU.Text, p.note.Text
	e.SchoolID = 0
	if i := p.school.SelectedIndex() - 1; i >= 0 && i < len(p.schools) {
		e.SchoolID = p.schools[i].ID
	}
	e.Participants = nil
	for _, l := range p.participants.Selected {
		e.Participants = append(e.Participants, p.parts.code(l))
	}
	var err error
	if e.ID == 0 {
		err = p.u.st.CreateEvent(p.u.ctx, &e)
	} else {
		err = p.u.st.UpdateEvent(p.u.ctx, &e)
	}
	if err != nil {
		showError(p.u.win, err)
		return
	}
	p.edit(e)
	p.refresh()
}

func (p *eventsPanel) onDeleteTapped() {
	id := p.ev.ID
	dialog.ShowConfirm(lang.L("events.delete"), lang.L("events.delete_confirm", map[string]any{"Title": p.ev.Title(language())}),
		func(ok bool) {
			if !ok {
				return
			}
			if err := p.u.st.DeleteEvent(p.u.ctx, id); err != nil {
				showError(p.u.win, err)
				return
			}
			p.edit(data.Event{})
			p.refresh()
		}, p.u.win)
}
