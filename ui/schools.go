package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// schoolsScreen lists the city's schools and edits one.
type schoolsScreen struct {
	u      *App
	rows   []data.School
	table  *dataTable
	school data.School
	state  formState

	heading                                   *widget.Label
	number, nameKK, nameRU, district, address *lineEntry
	director, phone                           *lineEntry
	kind                                      *widget.Select
	kinds                                     choice
	loads                                     loader // leaving the screen cancels the load (ui/loader.go)
}

func newSchoolsScreen(u *App) *schoolsScreen {
	s := &schoolsScreen{u: u, heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	s.table = newDataTable([]string{lang.L("col.number"), lang.L("col.name"), lang.L("col.type"), lang.L("col.district"),
		lang.L("col.director")}, []float32{60, 330, 120, 140, 200}, func() int { return len(s.rows) }, s.cell)
	s.table.selected = func(row int) { s.open(s.rows[row]) }
	entries := []**lineEntry{&s.number, &s.nameKK, &s.nameRU, &s.district, &s.address, &s.director, &s.phone}
	for _, e := range entries {
		*e = newLineEntry()
	}
	s.state.track(s.number, s.nameKK, s.nameRU, s.district, s.address, s.director, s.phone)
	s.kinds = newChoice(data.SchoolTypes, func(c string) string { return lang.L("school.type." + c) })
	s.kind = newSelect(s.kinds.labels, func(string) { s.state.mark() })
	s.edit(data.School{Type: data.SchoolGeneral})
	return s
}

func (s *schoolsScreen) cell(row, col int) string {
	sc := s.rows[row]
	switch col {
	case 0:
		return "№" + strconv.Itoa(sc.Number)
	case 1:
		return sc.Name(language())
	case 2:
		return lang.L("school.type." + sc.Type)
	case 3:
		return sc.District
	}
	return sc.Director
}

func (s *schoolsScreen) buildUI() fyne.CanvasObject {
	save := widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), s.onSaveTapped)
	save.Importance = widget.HighImportance
	newBtn := widget.NewButtonWithIcon(lang.L("schools.new"), theme.ContentAddIcon(), s.onNewTapped)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.number"), s.number),
		widget.NewFormItem(lang.L("field.name_kk"), s.nameKK),
		widget.NewFormItem(lang.L("field.name_ru"), s.nameRU),
		widget.NewFormItem(lang.L("field.type"), s.kind),
		widget.NewFormItem(lang.L("field.district"), s.district),
		widget.NewFormItem(lang.L("field.address"), s.address),
		widget.NewFormItem(lang.L("field.director"), s.director),
		widget.NewFormItem(lang.L("field.phone"), s.phone))
	note := s.u.guard(data.RoleAdmin, save, newBtn)
	list := container.NewBorder(container.NewHBox(newBtn), nil, nil, nil, s.table.table)
	split := container.NewHSplit(list, container.NewVScroll(container.NewPadded(container.NewVBox(s.heading, form,
		container.NewHBox(save, note)))))
	split.Offset = 0.6
	return split
}

// refresh lists the schools; a newer load cancels the older one (the
// list is short: the top bar's spinner says when it is slow).
func (s *schoolsScreen) refresh() {
	loadInto(s.u, &s.loads, nil, s.u.st.FindSchools, func(rows []data.School) {
		s.rows = rows
		s.table.reload()
	})
}

func (s *schoolsScreen) open(sc data.School) {
	if s.state.dirty {
		s.u.confirmDiscard(func() { s.edit(sc) }, nil)
		return
	}
	s.edit(sc)
}

func (s *schoolsScreen) edit(sc data.School) {
	s.school = sc
	s.state.fill(func() {
		s.heading.SetText(lang.L("schools.new"))
		if sc.ID != 0 {
			s.heading.SetText(lang.L("school.short", map[string]any{"N": sc.Number}) + " · " + sc.Name(language()))
			s.number.SetText(strconv.Itoa(sc.Number))
		} else {
			s.number.SetText("")
		}
		s.nameKK.SetText(sc.NameKK)
		s.nameRU.SetText(sc.NameRU)
		s.kind.SetSelected(s.kinds.label(sc.Type))
		s.district.SetText(sc.District)
		s.address.SetText(sc.Address)
		s.director.SetText(sc.Director)
		s.phone.SetText(sc.Phone)
	})
}

func (s *schoolsScreen) onNewTapped() { s.open(data.School{Type: data.SchoolGeneral}) }

func (s *schoolsScreen) onSaveTapped() {
	sc := s.school
	n, ok := parseInt(s.number.Text)
	if !ok {
		showError(s.u.win, &data.ValidationError{Field: "number", Value: s.number.Text, Key: "err.school.number"})
		return
	}
	sc.Number = int(n)
	sc.NameKK, sc.NameRU, sc.Type = s.nameKK.Text, s.nameRU.Text, s.kinds.code(s.kind.Selected)
	sc.District, sc.Address, sc.Director, sc.Phone = s.district.Text, s.address.Text, s.director.Text, s.phone.Text
	var err error
	if sc.ID == 0 {
		err = s.u.st.CreateSchool(s.u.ctx, &sc)
	} else {
		err = s.u.st.UpdateSchool(s.u.ctx, &sc)
	}
	if err != nil {
		showError(s.u.win, err)
		return
	}
	s.edit(sc)
	s.refresh()
}

func (s *schoolsScreen) unsaved() bool { return s.state.dirty }
