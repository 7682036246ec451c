package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// ImportOutcome says what an import did, or would do, with one record.
type ImportOutcome string

// Import outcomes.
const (
	ImportNew       ImportOutcome = "new"
	ImportUpdated   ImportOutcome = "updated"
	ImportUnchanged ImportOutcome = "unchanged"
)

// ImportOptions steer ImportChildren and ImportSponsors.
type ImportOptions struct {
	// DryRun matches and compares but writes nothing: the preview.
	DryRun bool
	// Progress, when set, is called after each record with the count done.
	Progress func(done, total int)
	// NewItems are catalogue items a sponsors' list adds (its gifts the
	// catalogue lacks), saved in the same transaction before the rows. A
	// donation line names NewItems[i] by ItemID -(i+1); an item whose code
	// is already in the catalogue is that one. Adding items needs the
	// admin's role, as CreateAidItem does.
	NewItems []AidItem
}

// Validate normalises and checks a child as CreateChild does, for
// importers that reject rows one by one before anything is saved.
func (c *Child) Validate() error { return c.validate() }

// Validate normalises and checks a sponsor as CreateSponsor does.
func (sp *Sponsor) Validate() error { return sp.validate() }

// ImportChildren saves children from a school's list in one transaction:
// all or nothing. A child whose IIN is already saved is merged: the list's
// non-empty fields replace the saved ones and its categories are added to
// the saved ones, so importing the same list again changes nothing. It
// returns the outcome of each child, in order; with DryRun it writes nothing.
// The children are normalised as CreateChild does, and otherwise left as
// given: the transaction works on a copy of one child at a time, so a
// retried run starts from them again and a list of 100,000 children is
// never copied whole.
func (s *Store) ImportChildren(ctx context.Context, cs []Child, opt ImportOptions) ([]ImportOutcome, error) {
	for i := range cs {
		birth, sex := cs[i].BirthDate, cs[i].Sex
		if err := cs[i].validate(); err != nil {
			return nil, fmt.Errorf("child %d of %d: %w", i+1, len(cs), err)
		}
		// Birth date and sex guessed from the IIN must not overwrite the
		// ones a clerk saved: a saved child keeps them, a new one gets the
		// guess (importChild).
		cs[i].BirthDate, cs[i].Sex = birth, sex
	}
	out := make([]ImportOutcome, len(cs))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		saved, err := savedChildren(ctx, tx, cs)
		if err != nil {
			return err
		}
		for i := range cs {
			if out[i], err = s.importChild(ctx, tx, saved, cs[i], opt.DryRun); err != nil {
				return err
			}
			if opt.Progress != nil {
				opt.Progress(i+1, len(cs))
			}
		}
		if opt.DryRun {
			return errDryRun
		}
		return nil
	})
	if err == errDryRun {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// lookupChunk is how many IINs one query looks up.
const lookupChunk = 500

// savedChildren returns the ids of the list's children already saved, by
// IIN: a query for each 500 of them, not one a child (which was a sixth of
// a 100,000-row import).
func savedChildren(ctx context.Context, tx *sql.Tx, cs []Child) (map[IIN]int64, error) {
	saved := map[IIN]int64{}
	args := make([]any, 0, lookupChunk)
	for lo := 0; lo < len(cs); lo += lookupChunk {
		args = args[:0]
		for _, c := range cs[lo:min(len(cs), lo+lookupChunk)] {
			args = append(args, string(c.IIN))
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ")
		rows, err := tx.QueryContext(ctx, `SELECT iin, id FROM children WHERE iin IN (`+marks+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("match children: %w", err)
		}
		for rows.Next() {
			var (
				iin string
				id  int64
			)
			if err := rows.Scan(&iin, &id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("match children: %w", err)
			}
			saved[IIN(iin)] = id
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("match children: %w", err)
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("match children: %w", err)
		}
	}
	return saved, nil
}

// importChild saves (or, dry, only matches) one child of a list; c is the
// transaction's own copy, saved maps the IINs already saved to their ids
// and takes the new child's (a list naming a child twice merges the
// second time).
func (s *Store) importChild(ctx context.Context, tx *sql.Tx, saved map[IIN]int64, c Child, dryRun bool) (ImportOutcome, error) {
	if id, ok := saved[c.IIN]; ok {
		return s.mergeChild(ctx, tx, id, &c, dryRun)
	}
	if dryRun {
		return ImportNew, nil
	}
	if c.BirthDate.IsZero() {
		c.BirthDate, _ = c.IIN.BirthDate()
	}
	if c.Sex == "" {
		c.Sex = c.IIN.Sex()
	}
	if err := s.createChild(ctx, tx, &c); err != nil {
		return "", err
	}
	saved[c.IIN] = c.ID
	return ImportNew, nil
}

// errDryRun rolls a preview's transaction back.
var errDryRun = errors.New("dry run")

// mergeChild merges c into the saved child id; c becomes the merged child.
func (s *Store) mergeChild(ctx context.Context, tx *sql.Tx, id int64, c *Child, dryRun bool) (ImportOutcome, error) {
	old, err := findChild(ctx, tx, id)
	if err != nil {
		return "", err
	}
	merged := mergedChild(old, *c)
	*c = merged
	if reflect.DeepEqual(sortedCategories(old), sortedCategories(merged)) {
		return ImportUnchanged, nil
	}
	if dryRun {
		return ImportUpdated, nil
	}
	// The merge is a new version of the child: a clerk's form still
	// holding the old one is refused rather than overwriting the import.
	at, now := s.stamp()
	res, err := tx.ExecContext(ctx, `UPDATE children SET surname = ?, name = ?, patronymic = ?,
		birth_date = ?, sex = ?, school_id = ?, grade = ?, grade_letter = ?, address = ?, guardian_name = ?,
		guardian_phone = ?, clothing_size = ?, shoe_size = ?, consent_on = ?, consent_by = ?, notes = ?,
		search = ?, sort_key = ?, version = version + 1, changed_by = ?, changed_at = ? WHERE id = ? AND version = ?`,
		c.Surname, c.Name, c.Patronymic, nullDate(c.BirthDate), c.Sex, nullID(c.SchoolID),
		nullInt(c.Grade), c.GradeLetter, c.Address, c.GuardianName, c.GuardianPhone, c.ClothingSize,
		c.ShoeSize, nullDate(c.ConsentOn), c.ConsentBy, c.Notes, c.searchText(), c.sortKey(), s.actor, at, c.ID, c.Version)
	if err != nil {
		return "", fmt.Errorf("update child %s: %w", c.IIN, mapConstraint(err))
	}
	if err := s.updated(ctx, tx, res, "children", c.ID, now, versioned{&c.Version, &c.ChangedBy, &c.ChangedAt}); err != nil {
		return "", err
	}
	if err := s.saveChildCategories(ctx, tx, c); err != nil {
		return "", err
	}
	return ImportUpdated, s.audit(ctx, tx, "children", c.ID, "update", old, c)
}

// mergedChild lays the imported child's non-empty fields over the saved one
// and adds its categories; proofs already saved are kept.
func mergedChild(old, in Child) Child {
	m := old
	text := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	text(&m.Surname, in.Surname)
	text(&m.Name, in.Name)
	text(&m.Patronymic, in.Patronymic)
	text(&m.Sex, in.Sex)
	text(&m.GradeLetter, in.GradeLetter)
	text(&m.Address, in.Address)
	text(&m.GuardianName, in.GuardianName)
	text(&m.GuardianPhone, in.GuardianPhone)
	text(&m.ClothingSize, in.ClothingSize)
	text(&m.ShoeSize, in.ShoeSize)
	text(&m.ConsentBy, in.ConsentBy)
	text(&m.Notes, in.Notes)
	if !in.BirthDate.IsZero() {
		m.BirthDate = in.BirthDate
	}
	if !in.ConsentOn.IsZero() {
		m.ConsentOn = in.ConsentOn
	}
	if in.SchoolID != 0 {
		m.SchoolID = in.SchoolID
	}
	if in.Grade != 0 {
		m.Grade = in.Grade
	}
	m.Categories = append([]ChildCategory(nil), old.Categories...)
	for _, cc := range in.Categories {
		if !m.HasCategory(cc.Code) {
			m.Categories = append(m.Categories, cc)
		}
	}
	return m
}

func sortedCategories(c Child) Child {
	c.Categories = append([]ChildCategory(nil), c.Categories...)
	sort.Slice(c.Categories, func(i, j int) bool { return c.Categories[i].Code < c.Categories[j].Code })
	if len(c.Categories) == 0 {
		c.Categories = nil
	}
	return c
}
