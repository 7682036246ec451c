package data

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
)

// childWriter saves the children of one import's transaction through
// statements prepared once for the whole list, not once a child.
type childWriter struct {
	s  *Store
	tx *sql.Tx
	// ctx is the statements' context. On SQLite it cannot be cancelled:
	// go-sqlite3 runs each statement of a cancellable context on a
	// goroutine of its own, to interrupt it, which cost more than the
	// statement. The import checks the caller's context between children.
	ctx context.Context
	dry bool
	// saved maps the IINs already saved to their ids and takes each new
	// child's: a list naming a child twice merges it the second time.
	saved    map[IIN]int64
	insert   *sql.Stmt // childInsert
	category *sql.Stmt // categoryInsert
	audit    *auditor
	args     []any // the lookup's
}

func (s *Store) newChildWriter(ctx context.Context, tx *sql.Tx, dryRun bool) (*childWriter, error) {
	w := &childWriter{s: s, tx: tx, ctx: ctx, dry: dryRun, saved: map[IIN]int64{}}
	if s.dialect == sqliteDialect {
		w.ctx = context.WithoutCancel(ctx)
	}
	if dryRun {
		return w, nil
	}
	var err error
	if w.insert, err = s.prepareInsert(w.ctx, tx, childInsert); err != nil {
		return nil, fmt.Errorf("prepare the children's insert: %w", err)
	}
	if w.category, err = tx.PrepareContext(w.ctx, categoryInsert); err != nil {
		w.close()
		return nil, fmt.Errorf("prepare the categories' insert: %w", err)
	}
	if w.audit, err = s.newAuditor(w.ctx, tx); err != nil {
		w.close()
		return nil, fmt.Errorf("prepare the audit's insert: %w", err)
	}
	return w, nil
}

func (w *childWriter) close() {
	for _, st := range []*sql.Stmt{w.insert, w.category} {
		if st != nil {
			st.Close()
		}
	}
	if w.audit != nil {
		w.audit.Close()
	}
}

// lookup finds which of the children (normalised) are saved, by IIN, in one
// query: one a child was a sixth of a 100,000-row import.
func (w *childWriter) lookup(cs []readyChild) error {
	if len(cs) == 0 {
		return nil
	}
	w.args = w.args[:0]
	for _, r := range cs {
		w.args = append(w.args, string(r.c.IIN))
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT iin, id FROM children WHERE iin IN (`+marks(len(w.args))+`)`, w.args...)
	if err != nil {
		return fmt.Errorf("match children: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			iin string
			id  int64
		)
		if err := rows.Scan(&iin, &id); err != nil {
			return fmt.Errorf("match children: %w", err)
		}
		w.saved[IIN(iin)] = id
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("match children: %w", err)
	}
	return nil
}

// importChild saves (or, dry, only matches) one child of the list.
func (w *childWriter) importChild(r *readyChild) (ImportOutcome, error) {
	if id, ok := w.saved[r.c.IIN]; ok {
		return w.merge(id, &r.c)
	}
	if w.dry {
		return ImportNew, nil
	}
	if err := w.create(r); err != nil {
		return "", err
	}
	w.saved[r.new.IIN] = r.new.ID
	return ImportNew, nil
}

// create saves a new child as createChild does, with the values
// readyChunk made.
func (w *childWriter) create(r *readyChild) error {
	c := &r.new
	if err := w.s.insertPrepared(w.ctx, w.insert, &c.ID, r.args...); err != nil {
		return fmt.Errorf("create child %s: %w", c.IIN, mapConstraint(err))
	}
	for _, cc := range c.Categories {
		if _, err := w.category.ExecContext(w.ctx, categoryInsertArgs(c.ID, cc)...); err != nil {
			return fmt.Errorf("save category %s of child %s: %w", cc.Code, c.IIN, err)
		}
	}
	if w.s.serverAudit {
		return nil
	}
	j, err := withID(r.json, c)
	if err != nil {
		return err
	}
	return w.audit.recordJSON(r.at, "children", c.ID, "insert", nil, j)
}

// merge merges c into the saved child id; c becomes the merged child.
func (w *childWriter) merge(id int64, c *Child) (ImportOutcome, error) {
	ctx, tx, s := w.ctx, w.tx, w.s
	old, err := findChild(ctx, tx, id)
	if err != nil {
		return "", err
	}
	merged := mergedChild(old, *c)
	*c = merged
	if reflect.DeepEqual(sortedCategories(old), sortedCategories(merged)) {
		return ImportUnchanged, nil
	}
	if w.dry {
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
	if _, err := tx.ExecContext(ctx, `DELETE FROM child_categories WHERE child_id = ?`, c.ID); err != nil {
		return "", fmt.Errorf("clear categories of child %s: %w", c.IIN, err)
	}
	for _, cc := range c.Categories {
		if _, err := w.category.ExecContext(ctx, categoryInsertArgs(c.ID, cc)...); err != nil {
			return "", fmt.Errorf("save category %s of child %s: %w", cc.Code, c.IIN, err)
		}
	}
	return ImportUpdated, w.audit.recordAt(at, "children", c.ID, "update", old, c)
}
