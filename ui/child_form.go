package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// childForm adds or edits a child: the IIN proposes birth date and sex,
// categories are checkboxes, and the parents' consent is recorded.
type childForm struct {
	u     *App
	child data.Child
	state formState
	saved func(int64)

	heading                               *widget.Label
	iin, surname, name, patronymic, birth *lineEntry
	gradeLetter, address, guardian, phone *lineEntry
	clothing, shoes, consentOn, consentBy *lineEntry
	notes                                 *textArea
	sex, school, grade                    *widget.Select
	sexChoice, schoolChoice               choice
	consent                               *widget.Check
	cats                                  map[string]*widget.Check
	save, del                             *widget.Button
	docs                                  map[string]data.ChildCategory // proof of each ticked category
	docBtns                               map[string]*widget.Button
	docInfo                               map[string]*widget.Label
}

func newChildForm(u *App, saved func(int64)) *childForm {
	f := &childForm{u: u, saved: saved, cats: map[string]*widget.Check{},
		heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	entries := []**lineEntry{&f.iin, &f.surname, &f.name, &f.patronymic, &f.birth, &f.gradeLetter, &f.address,
		&f.guardian, &f.phone, &f.clothing, &f.shoes, &f.consentOn, &f.consentBy}
	for _, e := range entries {
		*e = newLineEntry()
	}
	f.phone = newPhoneEntry()
	f.notes = newTextArea(3)
	f.iin.Validator = iinValidator
	f.iin.SetPlaceHolder("123456789012")
	f.birth.Validator, f.consentOn.Validator = dateValidator, dateValidator
	f.birth.SetPlaceHolder(lang.L("date.placeholder"))
	f.consentOn.SetPlaceHolder(lang.L("date.placeholder"))
	changed := func(string) { f.state.mark() }
	f.sexChoice = newChoice([]string{"", data.Male, data.Female}, func(c string) string { return lang.L("sex." + c) })
	f.sex = newSelect(f.sexChoice.labels, changed)
	f.school = newSelect(nil, changed)
	grades := []string{""}
	for g := 1; g <= 11; g++ {
		grades = append(grades, strconv.Itoa(g))
	}
	f.grade = newSelect(grades, changed)
	f.consent = widget.NewCheck(lang.L("child.consent"), func(on bool) {
		changed("")
		if on && f.consentOn.Text == "" && !f.state.filling {
			f.consentOn.SetText(dateText(today()))
		}
	})
	f.initDocs()
	for _, code := range data.CategoryCodes {
		f.cats[code] = widget.NewCheck(lang.L("cat."+code), func(on bool) {
			changed("")
			f.onCategoryChecked(code, on)
		})
	}
	f.state.track(f.iin, f.surname, f.name, f.patronymic, f.birth, f.gradeLetter, f.address, f.guardian, f.phone,
		f.clothing, f.shoes, f.consentOn, f.consentBy, f.notes)
	prev := f.iin.OnChanged
	f.iin.OnChanged = func(s string) {
		prev(s)
		f.onIINChanged(s)
	}
	f.save = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), f.onSaveTapped)
	f.save.Importance = widget.HighImportance
	f.del = newDeleteButton(nil)
	f.heading.Wrapping = fyne.TextWrapWord // a long name wraps beside the buttons
	return f
}

// iinValidator checks an IIN's digits and check digit as it is typed.
func iinValidator(s string) error {
	if _, err := data.ParseIIN(s); err != nil {
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			return errors.New(lang.L(ve.Key))
		}
		return err
	}
	return nil
}

// onIINChanged proposes the birth date and sex the IIN encodes, when the
// clerk has not typed them.
func (f *childForm) onIINChanged(s string) {
	iin, err := data.ParseIIN(s)
	if err != nil || f.state.filling {
		return
	}
	if b, ok := iin.BirthDate(); ok && f.birth.Text == "" {
		f.birth.SetText(dateText(b))
	}
	if sex := iin.Sex(); sex != "" && f.sex.Selected == f.sexChoice.label("") {
		f.sex.SetSelected(f.sexChoice.label(sex))
	}
}

func (f *childForm) buildUI() fyne.CanvasObject {
	schools, err := f.u.st.FindSchools(f.u.ctx)
	if err != nil {
		showError(f.u.win, err)
	}
	codes := []string{""}
	names := map[string]string{"": lang.L("child.no_school")}
	for _, sc := range schools {
		code := strconv.FormatInt(sc.ID, 10)
		codes = append(codes, code)
		names[code] = lang.L("school.short", map[string]any{"N": sc.Number}) + " · " + sc.Name(language())
	}
	f.schoolChoice = newChoice(codes, func(c string) string { return names[c] })
	f.school.Options = f.schoolChoice.labels
	catBox := container.NewVBox()
	for _, code := range data.CategoryCodes {
		catBox.Add(f.categoryRow(code))
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.iin"), f.iin),
		widget.NewFormItem(lang.L("field.surname"), f.surname),
		widget.NewFormItem(lang.L("field.first_name"), f.name),
		widget.NewFormItem(lang.L("field.patronymic"), f.patronymic),
		widget.NewFormItem(lang.L("field.birth_date"), container.NewGridWithColumns(2, f.birth, f.sex)),
		widget.NewFormItem(lang.L("field.school"), f.school),
		widget.NewFormItem(lang.L("field.grade"), container.NewGridWithColumns(2, f.grade, f.gradeLetter)),
		widget.NewFormItem(lang.L("field.guardian"), f.guardian),
		widget.NewFormItem(lang.L("field.guardian_phone"), f.phone),
		widget.NewFormItem(lang.L("field.address"), f.address),
		widget.NewFormItem(lang.L("field.sizes"), container.NewGridWithColumns(2, f.clothing, f.shoes)),
	)
	f.clothing.SetPlaceHolder(lang.L("field.clothing_size"))
	f.shoes.SetPlaceHolder(lang.L("field.shoe_size"))
	f.gradeLetter.SetPlaceHolder(lang.L("field.grade_letter"))
	consent := widget.NewForm(
		widget.NewFormItem(lang.L("field.consent_on"), f.consentOn),
		widget.NewFormItem(lang.L("field.consent_by"), f.consentBy),
		widget.NewFormItem(lang.L("field.notes"), f.notes))
	body := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(f.del, f.save), f.heading), form,
		widget.NewCard("", lang.L("field.categories"), catBox), f.consent, consent)
	if f.child.ID == 0 {
		f.edit(0)
	} else if !f.state.dirty { // picked before the form was built (it comes a frame after the list): its school now has its label
		f.state.fill(func() { f.school.SetSelected(f.schoolChoice.label(idCode(f.child.SchoolID))) })
	}
	return newFormScroll(container.NewPadded(body))
}

// edit loads child id into the form (0: a new child).
func (f *childForm) edit(id int64) {
	c := data.Child{}
	if id != 0 {
		var err error
		if c, err = f.u.st.FindChildByID(f.u.ctx, id); err != nil {
			showError(f.u.win, err)
			return
		}
		// the card's reading is recorded (the law on personal data); a
		// card that could not be recorded is not shown
		if err = f.u.st.RecordAccess(f.u.ctx, data.AccessCard, id, 1); err != nil {
			showError(f.u.win, err)
			return
		}
	}
	f.child = c
	f.del.Disable()
	if c.ID != 0 {
		f.del.Enable()
	}
	f.state.fill(func() {
		if id == 0 {
			f.heading.SetText(lang.L("children.new"))
		} else {
			f.heading.SetText(lang.L("children.edit") + " · " + c.FullName())
		}
		f.iin.SetText(string(c.IIN))
		f.surname.SetText(c.Surname)
		f.name.SetText(c.Name)
		f.patronymic.SetText(c.Patronymic)
		f.birth.SetText(dateText(c.BirthDate))
		f.sex.SetSelected(f.sexChoice.label(c.Sex))
		f.school.SetSelected(f.schoolChoice.label(idCode(c.SchoolID)))
		f.grade.SetSelected(gradeText(c.Grade))
		f.gradeLetter.SetText(c.GradeLetter)
		f.address.SetText(c.Address)
		f.guardian.SetText(c.GuardianName)
		f.phone.SetText(c.GuardianPhone)
		f.clothing.SetText(c.ClothingSize)
		f.shoes.SetText(c.ShoeSize)
		f.consent.SetChecked(!c.ConsentOn.IsZero())
		f.consentOn.SetText(dateText(c.ConsentOn))
		f.consentBy.SetText(c.ConsentBy)
		f.notes.SetText(c.Notes)
		for code, ch := range f.cats {
			ch.SetChecked(c.HasCategory(code))
		}
		f.loadDocs(c)
	})
}

func idCode(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

func gradeText(g int) string {
	if g == 0 {
		return ""
	}
	return strconv.Itoa(g)
}

// read builds the child from the fields; a malformed date names its field.
func (f *childForm) read() (data.Child, error) {
	c := f.child
	c.IIN = data.IIN(f.iin.Text)
	c.Surname, c.Name, c.Patronymic = f.surname.Text, f.name.Text, f.patronymic.Text
	var ok bool
	if c.BirthDate, ok = parseDate(f.birth.Text); !ok {
		return c, &data.ValidationError{Field: "birth_date", Value: f.birth.Text, Key: "err.date"}
	}
	if c.ConsentOn, ok = parseDate(f.consentOn.Text); !ok {
		return c, &data.ValidationError{Field: "consent_on", Value: f.consentOn.Text, Key: "err.date"}
	}
	if !f.consent.Checked {
		c.ConsentOn = time.Time{}
	}
	if f.consent.Checked && c.ConsentOn.IsZero() {
		c.ConsentOn = today()
	}
	c.Sex = f.sexChoice.code(f.sex.Selected)
	c.SchoolID, _ = strconv.ParseInt(f.schoolChoice.code(f.school.Selected), 10, 64)
	c.Grade, _ = strconv.Atoi(f.grade.Selected)
	c.GradeLetter, c.Address, c.GuardianName, c.GuardianPhone = f.gradeLetter.Text, f.address.Text, f.guardian.Text, data.FormatPhone(f.phone.Text)
	c.ClothingSize, c.ShoeSize, c.ConsentBy, c.Notes = f.clothing.Text, f.shoes.Text, f.consentBy.Text, f.notes.Text
	c.Categories = nil
	for _, code := range data.CategoryCodes {
		if f.cats[code].Checked {
			cc := f.docs[code] // the proof document of the category, if any
			cc.Code = code
			c.Categories = append(c.Categories, cc)
		}
	}
	return c, nil
}

func (f *childForm) onSaveTapped() {
	c, err := f.read()
	if err != nil {
		showError(f.u.win, err)
		return
	}
	if ws := c.Warnings(f.u.campaignDay()); len(ws) > 0 { // ages on the campaign's date
		var lines []string
		for _, w := range ws {
			lines = append(lines, fieldName(w.Field)+": "+lang.L(w.Key))
		}
		dialog.ShowConfirm(lang.L("child.warnings"), strings.Join(lines, "\n")+"\n\n"+lang.L("child.save_anyway"),
			func(ok bool) {
				if ok {
					f.store(c)
				}
			}, f.u.win)
		return
	}
	f.store(c)
}

func (f *childForm) store(c data.Child) {
	var err error
	if c.ID == 0 {
		err = f.u.st.CreateChild(f.u.ctx, &c)
	} else {
		err = f.u.st.UpdateChild(f.u.ctx, &c)
	}
	if err != nil {
		showSaveError(f.u.win, err, f.reload)
		return
	}
	f.edit(c.ID)
	f.saved(c.ID)
}

// reload opens the child's current version, another clerk's change
// included, in place of what was typed.
func (f *childForm) reload() {
	f.edit(f.child.ID)
	f.saved(f.child.ID)
}
