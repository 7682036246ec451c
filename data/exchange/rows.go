package exchange

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/mektepkezhol/app/data"
)

// rowParser reads the rows of one sheet under one mapping.
type rowParser struct {
	sh      *Sheet
	kind    Kind
	m       Mapping
	lang    string
	school  int64         // --school: every child is at this school
	schools map[int]int64 // school number → id
	today   time.Time
	// campaign takes every donation of a sponsors' list; when zero, the
	// campaign whose period holds the donation's date does.
	campaign  data.Campaign
	campaigns []data.Campaign
	// items is the catalogue the in-kind gifts are matched to; with
	// addItems an item it lacks goes to newItems (data.ImportOptions).
	items    *catalogue
	addItems bool
	newItems []data.AidItem
}

// cell returns the row's text in the field's column and whether the
// field is mapped.
func (p *rowParser) cell(r Row, code string) (string, bool) {
	col, ok := p.m[code]
	if !ok {
		return "", false
	}
	return r.Cell(col), true
}

func (p *rowParser) problem(r Row, code, key string, warning bool, args ...any) Problem {
	col, ok := p.m[code]
	column := "«" + FieldLabel(p.kind, code, p.lang) + "»"
	if ok {
		column = p.sh.ColumnName(col)
	}
	value := r.Cell(col)
	if !ok {
		value = ""
	}
	return Problem{Row: r.Number, Column: column, Value: value, Key: key, Warning: warning,
		Message: Message(p.lang, r.Number, column, value, key, args...)}
}

// fieldOf returns the field a validation error is about, for the message.
func (p *rowParser) fieldOf(field string) string {
	if _, ok := p.m[field]; !ok && (field == "surname" || field == "name" || field == "patronymic") {
		return "full_name"
	}
	return field
}

// rowCheck gathers the problems of one row.
type rowCheck struct {
	p     *rowParser
	r     Row
	probs []Problem
}

func (rc *rowCheck) fail(code, key string) {
	rc.probs = append(rc.probs, rc.p.problem(rc.r, code, key, false))
}

func (rc *rowCheck) warn(code, key string) {
	rc.probs = append(rc.probs, rc.p.problem(rc.r, code, key, true))
}

// child reads one row of a school's list; problems that are not warnings
// reject the row.
func (p *rowParser) child(r Row) (data.Child, []Problem) {
	var c data.Child
	rc := &rowCheck{p: p, r: r}
	if v, _ := p.cell(r, "iin"); v == "" {
		rc.fail("iin", KeyRequired)
	} else if n, err := NormalizeIIN(v); err != nil {
		rc.fail("iin", errKey(err))
	} else {
		c.IIN = data.IIN(n)
	}
	p.childText(r, &c, rc)
	p.childDates(r, &c, rc)
	p.childSchool(r, &c, rc.fail)
	p.childClass(r, &c, rc)
	if hasError(rc.probs) {
		return c, rc.probs
	}
	given := c
	if err := c.Validate(); err != nil {
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			rc.fail(p.fieldOf(ve.Field), ve.Key)
		} else {
			rc.fail("iin", err.Error())
		}
		return c, rc.probs
	}
	// Birth date and sex guessed from the IIN are the store's to fill: a
	// guess must not replace what a clerk saved.
	c.BirthDate, c.Sex = given.BirthDate, given.Sex
	for _, w := range given.Warnings(p.today) {
		if w.Key == KeyBirthMismatch || w.Key == KeySexMismatch {
			rc.warn(w.Field, w.Key)
		}
	}
	return c, rc.probs
}

// childText reads the names (one «ФИО» column or three), the guardian and
// the free-text columns.
func (p *rowParser) childText(r Row, c *data.Child, rc *rowCheck) {
	if v, ok := p.cell(r, "full_name"); ok {
		words := strings.Fields(v)
		if len(words) > 0 {
			c.Surname = words[0]
		}
		if len(words) > 1 {
			c.Name = words[1]
		}
		if len(words) > 2 {
			c.Patronymic = strings.Join(words[2:], " ")
		}
	}
	for code, dst := range map[string]*string{"surname": &c.Surname, "name": &c.Name, "patronymic": &c.Patronymic,
		"address": &c.Address, "clothing_size": &c.ClothingSize, "shoe_size": &c.ShoeSize, "notes": &c.Notes} {
		if v, _ := p.cell(r, code); v != "" {
			*dst = strings.Join(strings.Fields(v), " ")
		}
	}
	if v, _ := p.cell(r, "guardian_name"); v != "" {
		c.GuardianName = data.NormalizeName(v)
	}
	if v, _ := p.cell(r, "guardian_phone"); v != "" {
		var ok bool
		if c.GuardianPhone, ok = NormalizePhone(v); !ok {
			rc.warn("guardian_phone", KeyPhone)
		}
	}
}

func (p *rowParser) childDates(r Row, c *data.Child, rc *rowCheck) {
	if v, _ := p.cell(r, "birth_date"); v != "" {
		d, err := ParseDate(v)
		if err != nil {
			rc.fail("birth_date", KeyDate)
		}
		c.BirthDate = d
	}
	if v, _ := p.cell(r, "sex"); v != "" {
		sex, ok := ParseSex(v)
		if !ok {
			rc.fail("sex", KeySex)
		}
		c.Sex = sex
	}
}

// childClass reads the class, its letter and the categories.
func (p *rowParser) childClass(r Row, c *data.Child, rc *rowCheck) {
	if v, _ := p.cell(r, "grade"); v != "" {
		g, letter, err := ParseGrade(v)
		if err != nil {
			rc.fail("grade", KeyGrade)
		}
		c.Grade, c.GradeLetter = g, letter
	}
	if v, _ := p.cell(r, "grade_letter"); v != "" {
		c.GradeLetter = latinLookalikes.Replace(strings.ToUpper(strings.Trim(v, " -«»\"'")))
	}
	if v, _ := p.cell(r, "categories"); v != "" {
		codes, unknown := MatchCategories(v)
		if len(unknown) > 0 {
			rc.fail("categories", KeyCategory)
		}
		for _, code := range codes {
			c.Categories = append(c.Categories, data.ChildCategory{Code: code})
		}
	}
}

func (p *rowParser) childSchool(r Row, c *data.Child, fail func(code, key string)) {
	if p.school != 0 {
		c.SchoolID = p.school
		return
	}
	v, _ := p.cell(r, "school")
	if v == "" {
		return
	}
	// «№ 7», «7», «7 ЖББМ», «гимназия №3»: the first number is the school's.
	digits := strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsDigit(r) })
	if len(digits) == 0 {
		fail("school", KeySchool)
		return
	}
	n, _ := strconv.Atoi(digits[0])
	id, ok := p.schools[n]
	if !ok {
		fail("school", KeySchool)
		return
	}
	c.SchoolID = id
}

func hasError(probs []Problem) bool {
	for _, pr := range probs {
		if !pr.Warning {
			return true
		}
	}
	return false
}

func errKey(err error) string {
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		return ve.Key
	}
	return err.Error()
}

// ParseChildRow reads one row of a school's list under a mapping, without
// a database: a school column is read as an error («no such school»). The
// GUI's preview uses Preview; this is for checks row by row and for tests.
func ParseChildRow(sh *Sheet, m Mapping, r Row, lang string) (data.Child, []Problem) {
	p := &rowParser{sh: sh, kind: Children, m: m, lang: lang, today: time.Now(), schools: map[int]int64{}}
	return p.child(r)
}

// ParseSponsorRow reads one row of the list of sponsors under a mapping;
// without a database an amount is read as an error («no campaign»).
func ParseSponsorRow(sh *Sheet, m Mapping, r Row, lang string) (data.Sponsor, *data.Donation, []Problem) {
	p := &rowParser{sh: sh, kind: Sponsors, m: m, lang: lang, today: time.Now()}
	return p.sponsor(r)
}
