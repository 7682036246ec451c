package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// coverageForm registers a child found out of school and what was done:
// the child is picked from the registry, or typed when not registered.
type coverageForm struct {
	u     *App
	c     data.CoverageCase
	state formState
	saved func()

	schools []data.School
	appeals []data.Appeal
	found   []data.Child // the registry's matches of the search
	picks   *childSearch // ui/child_pick.go

	heading                            *widget.Label
	search                             *lineEntry
	pick                               *widget.Select
	name, iin, birth, address          *lineEntry
	foundOn, sourceName, placedOn      *lineEntry
	action                             *textArea
	due                                *lineEntry
	source, reason, outcome            *widget.Select
	sources, reasons, outcomes         choice
	sourceSchool, placedSchool, appeal *widget.Select
	save                               *widget.Button
	scroll                             *container.Scroll // the newest build's
	loads                              loader            // the catalogue's; the screen's leaving cancels it
}

func newCoverageForm(u *App, saved func()) *coverageForm {
	f := &coverageForm{u: u, saved: saved, heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	changed := func(string) { f.state.mark() }
	f.search = newLineEntry()
	f.search.SetPlaceHolder(lang.L("coverage.search_child"))
	f.picks = newChildSearch(u, "coverage", 3, f.showFound)
	f.search.OnChanged = f.onSearchChanged
	f.pick = newSelect(nil, f.onChildPicked)
	entries := []**lineEntry{&f.name, &f.iin, &f.birth, &f.address, &f.foundOn, &f.sourceName, &f.placedOn, &f.due}
	for _, e := range entries {
		*e = newLineEntry()
	}
	f.action = newTextArea(2)
	for _, e := range []*lineEntry{f.birth, f.foundOn, f.placedOn, f.due} {
		e.Validator = dateValidator
		e.SetPlaceHolder(lang.L("date.placeholder"))
	}
	f.due.SetPlaceHolder(lang.L("coverage.due_auto"))
	f.state.track(f.name, f.iin, f.birth, f.address, f.foundOn, f.sourceName, f.action, f.placedOn, f.due)
	f.sources = newChoice(data.CoverageSources, func(c string) string { return lang.L("coverage.source." + c) })
	f.reasons = newChoice(data.CoverageReasons, func(c string) string { return lang.L("coverage.reason." + c) })
	f.outcomes = newChoice(data.CoverageOutcomes, func(c string) string { return lang.L("coverage.outcome." + c) })
	f.source = newSelect(f.sources.labels, changed)
	f.reason = newSelect(f.reasons.labels, changed)
	f.outcome = newSelect(f.outcomes.labels, changed)
	f.sourceSchool, f.placedSchool, f.appeal = newSelect(nil, changed), newSelect(nil, changed), newSelect(nil, changed)
	f.save = widget.NewButtonWithIcon(lang.L("action.save")+" (Ctrl+S)", theme.DocumentSaveIcon(), f.onSaveTapped)
	f.save.Importance = widget.HighImportance
	f.edit(data.CoverageCase{})
	return f
}

func (f *coverageForm) buildUI() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("coverage.registry"), container.NewVBox(f.search, f.pick)),
		widget.NewFormItem(lang.L("field.child_name"), f.name),
		widget.NewFormItem(lang.L("field.iin"), f.iin),
		widget.NewFormItem(lang.L("coverage.birth_date"), f.birth),
		widget.NewFormItem(lang.L("field.address"), f.address),
		widget.NewFormItem(lang.L("field.found_on"), f.foundOn),
		widget.NewFormItem(lang.L("field.source"), f.source),
		widget.NewFormItem(lang.L("field.source_school"), f.sourceSchool))
	head := container.NewBorder(nil, nil, nil, f.save, f.heading)
	scroll := newFormScroll(container.NewPadded(container.NewVBox(head, form)))
	// the second half in a frame of its own (ui/frames.go): the form's
	// first paint with the register's rows took 90 ms under load
	f.scroll = scroll
	inFrames(func() {
		if f.scroll != scroll {
			return // built again meanwhile: its fields belong to the newer form
		}
		form.Append(lang.L("field.source_name"), f.sourceName)
		form.Append(lang.L("field.appeal"), f.appeal)
		form.Append(lang.L("field.reason"), f.reason)
		form.Append(lang.L("field.action"), f.action)
		form.Append(lang.L("field.outcome"), f.outcome)
		form.Append(lang.L("field.placed_school"), f.placedSchool)
		form.Append(lang.L("field.placed_on"), f.placedOn)
		form.Append(lang.L("field.due_on"), f.due)
		adoptTextAreas(form, scroll) // the action's field scrolls the form under the wheel
	})
	return scroll
}

// loadCatalogue fills the schools and the campaign's appeals.
func (f *coverageForm) loadCatalogue() {
	type catalogue struct {
		schools []data.School
		appeals []data.Appeal
	}
	id := f.u.campaign.ID
	loadInto(f.u, &f.loads, nil, func(ctx context.Context) (c catalogue, err error) {
		c.schools, err = f.u.st.FindSchools(ctx)
		if err == nil {
			c.appeals, err = f.u.st.FindAppeals(ctx, data.AppealFilter{CampaignID: id})
		}
		return c, err
	}, func(c catalogue) {
		f.schools, f.appeals = c.schools, c.appeals
		none := lang.L("coverage.none")
		sc := []string{none}
		for _, s := range c.schools {
			sc = append(sc, lang.L("school.short", map[string]any{"N": s.Number}))
		}
		ap := []string{none}
		for _, a := range c.appeals {
			ap = append(ap, a.RegNumber+" · "+a.CitizenName)
		}
		f.state.fill(func() {
			f.sourceSchool.Options, f.placedSchool.Options, f.appeal.Options = sc, sc, ap
			f.fillChoices()
		})
	})
}

// onSearchChanged looks the child up in the registry by name or IIN.
func (f *coverageForm) onSearchChanged(q string) { f.picks.onChanged(q) }

// showFound offers the registry's matches; a query too short to search
// leaves the last ones.
func (f *coverageForm) showFound(q string, cs []data.Child) {
	if len([]rune(strings.TrimSpace(q))) < 3 {
		return
	}
	f.found = cs
	opts := []string{lang.L("coverage.not_registered")}
	for _, c := range cs {
		opts = append(opts, c.FullName()+" · "+string(c.IIN))
	}
	f.pick.Options = opts
	f.pick.Refresh()
}

// onChildPicked links the case to a registered child, or unlinks it.
func (f *coverageForm) onChildPicked(string) {
	if f.state.filling {
		return
	}
	f.state.dirty = true
	i := f.pick.SelectedIndex() - 1
	if i < 0 || i >= len(f.found) {
		f.c.ChildID = 0
		f.setChildEditable(true)
		return
	}
	c := f.found[i]
	f.c.ChildID = c.ID
	f.name.SetText(c.FullName())
	f.iin.SetText(string(c.IIN))
	f.birth.SetText(dateText(c.BirthDate))
	f.address.SetText(c.Address)
	f.setChildEditable(false)
}

// setChildEditable lets the clerk type the child only when not registered.
func (f *coverageForm) setChildEditable(on bool) {
	for _, e := range []*lineEntry{f.name, f.iin, f.birth, f.address} {
		if on {
			e.Enable()
		} else {
			e.Disable()
		}
	}
}

func (f *coverageForm) edit(c data.CoverageCase) {
	if c.ID == 0 {
		c = data.CoverageCase{FoundOn: today(), Source: data.SourceRaid, Reason: data.ReasonNoClothes, Outcome: data.OutcomeOpen}
	}
	f.c = c
	f.state.fill(func() {
		if c.ID == 0 {
			f.heading.SetText(lang.L("coverage.new"))
		} else {
			f.heading.SetText(lang.L("coverage.edit", map[string]any{"Name": c.ChildName}))
		}
		f.search.SetText("")
		f.pick.Options = []string{lang.L("coverage.not_registered")}
		f.pick.SetSelectedIndex(0)
		if c.ChildID != 0 {
			f.pick.Options = append(f.pick.Options, c.ChildName+" · "+c.ChildIIN)
			f.pick.SetSelectedIndex(1)
			f.found = []data.Child{{ID: c.ChildID}}
		}
		f.setChildEditable(c.ChildID == 0)
		f.name.SetText(c.ChildName)
		f.iin.SetText(c.ChildIIN)
		f.birth.SetText(dateText(c.BirthDate))
		f.address.SetText(c.Address)
		f.foundOn.SetText(dateText(c.FoundOn))
		f.sourceName.SetText(c.SourceName)
		f.action.SetText(c.Action)
		f.placedOn.SetText(dateText(c.PlacedOn))
		f.due.SetText(dateText(c.DueOn))
		f.source.SetSelected(f.sources.label(c.Source))
		f.reason.SetSelected(f.reasons.label(c.Reason))
		f.outcome.SetSelected(f.outcomes.label(c.Outcome))
		f.fillChoices()
	})
}

// fillChoices selects the case's schools and appeal in their lists.
func (f *coverageForm) fillChoices() {
	f.sourceSchool.SetSelectedIndex(f.schoolIndex(f.c.SourceSchoolID))
	f.placedSchool.SetSelectedIndex(f.schoolIndex(f.c.PlacedSchoolID))
	i := 0
	for j, a := range f.appeals {
		if a.ID == f.c.AppealID && a.ID != 0 {
			i = j + 1
		}
	}
	if len(f.appeal.Options) > 0 {
		f.appeal.SetSelectedIndex(i)
	}
}

func (f *coverageForm) schoolIndex(id int64) int {
	for j, s := range f.schools {
		if s.ID == id && id != 0 {
			return j + 1
		}
	}
	if len(f.schools) == 0 {
		return -1
	}
	return 0
}

// schoolAt returns the school chosen in sel, 0 for none.
func (f *coverageForm) schoolAt(sel *widget.Select) int64 {
	if i := sel.SelectedIndex() - 1; i >= 0 && i < len(f.schools) {
		return f.schools[i].ID
	}
	return 0
}

// read takes the form into a case, naming the first date typed wrong.
func (f *coverageForm) read() (data.CoverageCase, error) {
	c := f.c
	c.CampaignID = f.u.campaign.ID
	c.ChildName, c.ChildIIN, c.Address = f.name.Text, strings.TrimSpace(f.iin.Text), f.address.Text
	c.SourceName, c.Action = f.sourceName.Text, f.action.Text
	c.Source, c.Reason, c.Outcome = f.sources.code(f.source.Selected), f.reasons.code(f.reason.Selected),
		f.outcomes.code(f.outcome.Selected)
	c.SourceSchoolID, c.PlacedSchoolID = f.schoolAt(f.sourceSchool), f.schoolAt(f.placedSchool)
	c.AppealID = 0
	if i := f.appeal.SelectedIndex() - 1; i >= 0 && i < len(f.appeals) {
		c.AppealID = f.appeals[i].ID
	}
	dates := []struct {
		field string
		e     *lineEntry
	}{{"birth_date", f.birth}, {"found_on", f.foundOn}, {"placed_on", f.placedOn}, {"due_on", f.due}}
	for _, d := range dates {
		t, ok := parseDate(d.e.Text)
		if !ok {
			return c, &data.ValidationError{Field: d.field, Value: d.e.Text, Key: "err.date"}
		}
		switch d.field {
		case "birth_date":
			c.BirthDate = t
		case "found_on":
			c.FoundOn = t
		case "placed_on":
			c.PlacedOn = t
		default:
			c.DueOn = t
		}
	}
	if c.ChildID != 0 { // the registry holds the child's details
		c.ChildName, c.ChildIIN, c.BirthDate, c.Address = "", "", time.Time{}, ""
	}
	return c, nil
}

func (f *coverageForm) onSaveTapped() {
	c, err := f.read()
	if err == nil {
		if c.ID == 0 {
			err = f.u.st.CreateCoverageCase(f.u.ctx, &c)
		} else {
			err = f.u.st.UpdateCoverageCase(f.u.ctx, &c)
		}
	}
	if err != nil {
		showError(f.u.win, err)
		return
	}
	// the form stays on the saved case: a second Ctrl+S updates it
	f.c = c
	f.state.dirty = false
	f.heading.SetText(lang.L("coverage.edit", map[string]any{"Name": f.name.Text}))
	f.saved()
}
