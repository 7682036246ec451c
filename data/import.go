package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
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
// The children are normalised as CreateChild does, each in a copy of its
// own: the caller's list is left as given (a window may read it meanwhile),
// a retried run starts from it again, and a list of 100,000 children is
// never copied whole. A child that CreateChild would refuse fails the
// import with its error, naming its place in the list, before any error
// of the database.
func (s *Store) ImportChildren(ctx context.Context, cs []Child, opt ImportOptions) ([]ImportOutcome, error) {
	out := make([]ImportOutcome, len(cs))
	err := s.inTx(ctx, func(tx *sql.Tx) error { return s.importChildren(ctx, tx, cs, out, opt) })
	switch {
	case err == errDryRun:
	case err != nil:
		// the children are checked in the transaction, as they come: a
		// refused child still comes before the database's error (or the
		// write lock's) it may have met first
		if bad := firstInvalid(cs); bad != nil {
			return nil, bad
		}
		return nil, err
	}
	return out, nil
}

// importChildren is ImportChildren's transaction: the list is looked up
// and saved 500 children at a time, while the next 500 are made ready on
// the other core.
func (s *Store) importChildren(ctx context.Context, tx *sql.Tx, cs []Child, out []ImportOutcome, opt ImportOptions) error {
	w, err := s.newChildWriter(ctx, tx, opt.DryRun)
	if err != nil {
		return err
	}
	defer w.close()
	chunks, stop := s.readyChildren(cs, opt.DryRun)
	defer stop()
	for ch := range chunks {
		if ch.err != nil {
			return ch.err
		}
		if err := w.lookup(ch.children); err != nil {
			return err
		}
		for i := range ch.children {
			if err := ctx.Err(); err != nil {
				return err
			}
			if out[ch.lo+i], err = w.importChild(&ch.children[i]); err != nil {
				return err
			}
			if opt.Progress != nil {
				opt.Progress(ch.lo+i+1, len(cs))
			}
		}
	}
	if opt.DryRun {
		return errDryRun
	}
	return nil
}

// validateImported normalises and checks a child of a list. The birth date
// and sex guessed from the IIN must not overwrite the ones a clerk saved: a
// saved child keeps them, a new one gets the guess (readyChunk).
func (c *Child) validateImported() error {
	birth, sex := c.BirthDate, c.Sex
	if err := c.validate(); err != nil {
		return err
	}
	c.BirthDate, c.Sex = birth, sex
	return nil
}

// firstInvalid returns the error of the list's first child that
// CreateChild would refuse, naming its place; nil when there is none.
func firstInvalid(cs []Child) error {
	for i, c := range cs {
		if err := c.validate(); err != nil {
			return fmt.Errorf("child %d of %d: %w", i+1, len(cs), err)
		}
	}
	return nil
}

// lookupChunk is how many IINs one query looks up.
const lookupChunk = 500

// errDryRun rolls a preview's transaction back.
var errDryRun = errors.New("dry run")

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
