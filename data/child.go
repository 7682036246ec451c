package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Child is a child in need registered by a school.
type Child struct {
	ID            int64
	IIN           IIN
	Surname       string
	Name          string
	Patronymic    string
	BirthDate     time.Time
	Sex           string
	SchoolID      int64 // 0: not at school
	Grade         int   // 1–11; 0: unknown
	GradeLetter   string
	Address       string
	GuardianName  string
	GuardianPhone string
	ClothingSize  string
	ShoeSize      string
	ConsentOn     time.Time
	ConsentBy     string
	Notes         string
	Archived      bool
	Categories    []ChildCategory
	// Version, ChangedBy, ChangedAt: see Sponsor.
	Version   int64
	ChangedBy string
	ChangedAt time.Time
}

// ChildCategory is a child's membership of a category with its proof.
type ChildCategory struct {
	Code          string
	DocType       string
	DocNumber     string
	DocDate       time.Time
	DocValidUntil time.Time
}

// FullName returns «Surname Name Patronymic».
func (c Child) FullName() string {
	return strings.TrimSpace(strings.Join([]string{c.Surname, c.Name, c.Patronymic}, " "))
}

// HasCategory tells whether the child is in the category.
func (c Child) HasCategory(code string) bool {
	for _, cc := range c.Categories {
		if cc.Code == code {
			return true
		}
	}
	return false
}

// Warning is a doubt about a record that does not stop it being saved.
type Warning struct {
	Field string
	Key   string
}

// Warnings lists what looks wrong but is allowed: a birth date or sex that
// differ from the IIN's digits, an age outside school age.
func (c Child) Warnings(today time.Time) []Warning {
	var w []Warning
	if b, ok := c.IIN.BirthDate(); ok && !c.BirthDate.IsZero() && !b.Equal(Day(c.BirthDate)) {
		w = append(w, Warning{"birth_date", "warn.iin.birth_date"})
	}
	if sex := c.IIN.Sex(); sex != "" && c.Sex != "" && sex != c.Sex {
		w = append(w, Warning{"sex", "warn.iin.sex"})
	}
	if !c.BirthDate.IsZero() {
		if age := AgeOn(c.BirthDate, today); age < 6 || age > 18 {
			w = append(w, Warning{"birth_date", "warn.child.age"})
		}
	}
	return w
}

// AgeOn returns the full years from birth to day.
func AgeOn(birth, day time.Time) int {
	age := day.Year() - birth.Year()
	if day.YearDay() < birth.YearDay() {
		age--
	}
	return age
}

func (c *Child) validate() error {
	iin, err := ParseIIN(string(c.IIN))
	if err != nil {
		return err
	}
	c.IIN = iin
	c.Surname, c.Name, c.Patronymic = NormalizeName(c.Surname), NormalizeName(c.Name), NormalizeName(c.Patronymic)
	c.GradeLetter = strings.ToUpper(strings.TrimSpace(c.GradeLetter))
	for _, f := range []struct{ field, value string }{{"surname", c.Surname}, {"name", c.Name}, {"patronymic", c.Patronymic}} {
		if err := checkName(f.field, f.value); err != nil {
			return err
		}
	}
	switch {
	case c.Surname == "":
		return invalid("surname", "", "err.required")
	case c.Name == "":
		return invalid("name", "", "err.required")
	case c.Grade < 0 || c.Grade > 11:
		return invalid("grade", fmt.Sprint(c.Grade), "err.child.grade")
	case c.Sex != "" && c.Sex != Male && c.Sex != Female:
		return invalid("sex", c.Sex, "err.child.sex")
	}
	if c.BirthDate.IsZero() {
		c.BirthDate, _ = c.IIN.BirthDate()
	} else if fromIIN, _ := c.IIN.BirthDate(); !c.BirthDate.Equal(fromIIN) &&
		(c.BirthDate.Year() < MinBirthYear || c.BirthDate.Year() > time.Now().Year()+1) {
		// the IIN is the judge: only a date other than its own is checked
		return invalid("birth_date", c.BirthDate.Format("02.01.2006"), "err.child.birth_date")
	}
	if c.Sex == "" {
		c.Sex = c.IIN.Sex()
	}
	seen := map[string]bool{}
	for _, cc := range c.Categories {
		if !IsCategory(cc.Code) {
			return invalid("categories", cc.Code, "err.child.category")
		}
		if seen[cc.Code] {
			return invalid("categories", cc.Code, "err.child.category_twice")
		}
		seen[cc.Code] = true
	}
	return nil
}

// NormalizeName trims a name, folds inner spaces and capitalises each word
// («  АХМЕТОВ  » → «Ахметов», «әлия» → «Әлия»).
func NormalizeName(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(strings.ToLower(w))
		for j := range r {
			if j == 0 || r[j-1] == '-' {
				r[j] = unicode.ToUpper(r[j])
			}
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func (c Child) searchText() string {
	return strings.ToLower(c.FullName() + " " + string(c.IIN))
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// CreateChild validates and saves a new child with its categories.
func (s *Store) CreateChild(ctx context.Context, c *Child) error {
	if err := c.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createChild(ctx, tx, c) })
}

func (s *Store) createChild(ctx context.Context, tx *sql.Tx, c *Child) error {
	at, now := s.stamp()
	c.Version, c.ChangedBy, c.ChangedAt = 1, s.actor, now
	if err := s.insertRow(ctx, tx, &c.ID, childInsert, childInsertArgs(c, at)...); err != nil {
		return fmt.Errorf("create child %s: %w", c.IIN, mapConstraint(err))
	}
	if err := insertChildCategories(ctx, tx, c); err != nil {
		return err
	}
	return s.audit(ctx, tx, "children", c.ID, "insert", nil, c)
}

// childInsert saves a new child's row; childInsertArgs are its values.
const childInsert = `INSERT INTO children (iin, surname, name, patronymic, birth_date, sex,
		school_id, grade, grade_letter, address, guardian_name, guardian_phone, clothing_size, shoe_size,
		consent_on, consent_by, notes, archived, search, sort_key, version, changed_by, changed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func childInsertArgs(c *Child, at string) []any {
	return []any{string(c.IIN), c.Surname, c.Name, c.Patronymic, nullDate(c.BirthDate), c.Sex, nullID(c.SchoolID),
		nullInt(c.Grade), c.GradeLetter, c.Address, c.GuardianName, c.GuardianPhone, c.ClothingSize, c.ShoeSize,
		nullDate(c.ConsentOn), c.ConsentBy, c.Notes, c.Archived, c.searchText(), c.sortKey(), c.Version, c.ChangedBy, at}
}

func (s *Store) saveChildCategories(ctx context.Context, tx *sql.Tx, c *Child) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM child_categories WHERE child_id = ?`, c.ID); err != nil {
		return fmt.Errorf("clear categories of child %s: %w", c.IIN, err)
	}
	return insertChildCategories(ctx, tx, c)
}

// insertChildCategories saves the categories of a child that has none
// saved: a new child's need no clearing, whose read would make two clerks'
// new children collide on a server.
func insertChildCategories(ctx context.Context, tx *sql.Tx, c *Child) error {
	for _, cc := range c.Categories {
		if _, err := tx.ExecContext(ctx, categoryInsert, categoryInsertArgs(c.ID, cc)...); err != nil {
			return fmt.Errorf("save category %s of child %s: %w", cc.Code, c.IIN, err)
		}
	}
	return nil
}

// categoryInsert saves one category of a child; categoryInsertArgs are its
// values.
const categoryInsert = `INSERT INTO child_categories (child_id, category, doc_type, doc_number,
			doc_date, doc_valid_until) VALUES (?, ?, ?, ?, ?, ?)`

func categoryInsertArgs(id int64, cc ChildCategory) []any {
	return []any{id, cc.Code, cc.DocType, cc.DocNumber, nullDate(cc.DocDate), nullDate(cc.DocValidUntil)}
}

// UpdateChild validates and saves changes to a child, categories included.
// c.Version must be the version loaded (see UpdateSponsor).
func (s *Store) UpdateChild(ctx context.Context, c *Child) error {
	if err := c.validate(); err != nil {
		return err
	}
	saved := *c
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		*c = saved // a retried transaction starts again from the caller's child
		return s.updateChild(ctx, tx, c)
	})
	if err != nil {
		*c = saved
	}
	return err
}

func (s *Store) updateChild(ctx context.Context, tx *sql.Tx, c *Child) error {
	old, err := findChild(ctx, tx, c.ID)
	if err != nil {
		return err
	}
	at, now := s.stamp()
	res, err := tx.ExecContext(ctx, `UPDATE children SET iin = ?, surname = ?, name = ?, patronymic = ?,
		birth_date = ?, sex = ?, school_id = ?, grade = ?, grade_letter = ?, address = ?, guardian_name = ?,
		guardian_phone = ?, clothing_size = ?, shoe_size = ?, consent_on = ?, consent_by = ?, notes = ?,
		archived = ?, search = ?, sort_key = ?, version = version + 1, changed_by = ?, changed_at = ? WHERE id = ? AND version = ?`,
		string(c.IIN), c.Surname, c.Name, c.Patronymic, nullDate(c.BirthDate), c.Sex, nullID(c.SchoolID),
		nullInt(c.Grade), c.GradeLetter, c.Address, c.GuardianName, c.GuardianPhone, c.ClothingSize,
		c.ShoeSize, nullDate(c.ConsentOn), c.ConsentBy, c.Notes, c.Archived, c.searchText(), c.sortKey(), s.actor, at,
		c.ID, c.Version)
	if err != nil {
		return fmt.Errorf("update child %s: %w", c.IIN, mapConstraint(err))
	}
	if err := s.updated(ctx, tx, res, "children", c.ID, now, versioned{&c.Version, &c.ChangedBy, &c.ChangedAt}); err != nil {
		return err
	}
	if err := s.saveChildCategories(ctx, tx, c); err != nil {
		return err
	}
	return s.audit(ctx, tx, "children", c.ID, "update", old, c)
}

// DeleteChild removes a child who has received nothing; archive the others.
func (s *Store) DeleteChild(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := findChild(ctx, tx, id)
		if err != nil {
			return err
		}
		return s.deleteRow(ctx, tx, "children", id, old)
	})
}
