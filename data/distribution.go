package data

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"time"
)

// Distribution is goods given to one child.
type Distribution struct {
	ID         int64
	ChildID    int64
	CampaignID int64
	ItemID     int64
	Size       string
	Quantity   int64
	GivenOn    time.Time
	SchoolID   int64 // 0: the child's own school
	ActNumber  string
	IssuedBy   string
	Forced     bool
	// ApprovedBy is the head who approved it; empty while it waits. The
	// stock is handed out either way: pending ones count in the reports.
	ApprovedBy string
	ApprovedAt time.Time
}

// Pending tells a distribution that waits for the head's approval.
func (d Distribution) Pending() bool { return d.ApprovedBy == "" }

func (d *Distribution) validate(row int) error {
	field := func(name string) string {
		if row > 0 {
			return fmt.Sprintf("%s[%d]", name, row)
		}
		return name
	}
	d.Size, d.ActNumber = strings.TrimSpace(d.Size), strings.TrimSpace(d.ActNumber)
	switch {
	case d.ChildID == 0:
		return invalid(field("child"), "", "err.required")
	case d.CampaignID == 0:
		return invalid(field("campaign"), "", "err.required")
	case d.ItemID == 0:
		return invalid(field("item"), "", "err.required")
	case d.Quantity <= 0:
		return invalid(field("quantity"), fmt.Sprint(d.Quantity), "err.quantity")
	case d.GivenOn.IsZero():
		return invalid(field("given_on"), "", "err.required")
	case d.GivenOn.Year() < 2000 || d.GivenOn.Year() > 2100: // as a campaign's year
		return invalid(field("given_on"), dateText(d.GivenOn), "err.date")
	}
	return nil
}

// CreateDistributions saves a batch of distributions in one transaction.
// Without force, a batch that gives a child an item twice in a campaign or
// takes stock below zero is refused with *DistributionConflict and nothing
// is saved; with force it is saved and the rows are marked forced. A
// clerk's distributions wait for the head's approval; the head's and the
// admin's are approved as they are saved.
func (s *Store) CreateDistributions(ctx context.Context, ds []Distribution, force bool) error {
	for i := range ds {
		row := i + 1
		if len(ds) == 1 {
			row = 0
		}
		if err := ds[i].validate(row); err != nil {
			return err
		}
	}
	// the stock is the campaign's: on a server two clerks' batches would
	// each read it and roll each other back, so they take turns
	run := func(fn func(tx *sql.Tx) error) error {
		return s.inTxLocked(ctx, numbersLock("distributions", ds[0].CampaignID), fn)
	}
	if s.dialect == sqliteDialect && len(ds) > bulkDistributions {
		run = func(fn func(tx *sql.Tx) error) error { return s.inBulkTx(ctx, fn) } // SQLite's writes take turns
	}
	return run(func(tx *sql.Tx) error {
		conflict, err := s.distributionConflicts(ctx, tx, ds)
		if err != nil {
			return err
		}
		if conflict != nil && !force {
			return conflict
		}
		return s.insertDistributions(ctx, tx, ds, conflict != nil)
	})
}

// distributionConflicts finds duplicates and shortages of a batch.
func (s *Store) distributionConflicts(ctx context.Context, tx *sql.Tx, ds []Distribution) (*DistributionConflict, error) {
	var c DistributionConflict
	given, err := givenBefore(ctx, tx, ds)
	if err != nil {
		return nil, err
	}
	inBatch := map[givenKey]bool{}
	wanted := map[[2]int64]int64{} // campaign, item → quantity
	for _, d := range ds {
		k := givenKey{d.ChildID, d.CampaignID, d.ItemID}
		exists, err := given(k)
		if err != nil {
			return nil, fmt.Errorf("check earlier distributions: %w", err)
		}
		if exists || inBatch[k] {
			c.Duplicates = append(c.Duplicates, Duplicate{d.ChildID, d.ItemID})
		}
		inBatch[k] = true
		wanted[[2]int64{d.CampaignID, d.ItemID}] += d.Quantity
	}
	campaigns := map[int64]bool{}
	for k := range wanted {
		campaigns[k[0]] = true
	}
	for campaign := range campaigns {
		lines, err := s.stock(ctx, tx, campaign)
		if err != nil {
			return nil, err
		}
		for _, l := range lines {
			if w := wanted[[2]int64{campaign, l.Item.ID}]; w > l.Left() {
				c.Shortages = append(c.Shortages, Shortage{l.Item.ID, l.Left(), w})
			}
		}
	}
	if len(c.Duplicates) == 0 && len(c.Shortages) == 0 {
		return nil, nil
	}
	return &c, nil
}

type givenKey struct{ child, campaign, item int64 }

// givenBefore returns a test of whether a child already got an item in a
// campaign: one indexed look-up per row for a small batch, one read of the
// campaigns' distributions for a large one.
func givenBefore(ctx context.Context, tx *sql.Tx, ds []Distribution) (func(givenKey) (bool, error), error) {
	if len(ds) < 500 {
		return func(k givenKey) (bool, error) {
			var exists bool
			err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM distributions
				WHERE campaign_id = ? AND child_id = ? AND item_id = ?)`, k.campaign, k.child, k.item).Scan(&exists)
			return exists, err
		}, nil
	}
	seen := map[givenKey]bool{}
	loaded := map[int64]bool{}
	for _, d := range ds {
		if loaded[d.CampaignID] {
			continue
		}
		loaded[d.CampaignID] = true
		rows, err := tx.QueryContext(ctx, `SELECT child_id, item_id FROM distributions WHERE campaign_id = ?`, d.CampaignID)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			k := givenKey{campaign: d.CampaignID}
			if err := rows.Scan(&k.child, &k.item); err != nil {
				rows.Close()
				return nil, err
			}
			seen[k] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return func(k givenKey) (bool, error) { return seen[k], nil }, nil
}

func (s *Store) insertDistributions(ctx context.Context, tx *sql.Tx, ds []Distribution, forced bool) error {
	approve := s.Role().Allows(RoleHead)
	var by, at string
	now := s.Now().UTC()
	if approve {
		by, at = s.actor, now.Format(time.RFC3339)
		if by == "" {
			by = "-"
		}
	}
	for i := range ds {
		ds[i].Forced = forced
		if approve {
			ds[i].ApprovedBy, ds[i].ApprovedAt = by, now.Truncate(time.Second)
		}
	}
	cols, row := distributionInsert(approve)
	args := func(d *Distribution) []any {
		a := []any{d.ChildID, d.CampaignID, d.ItemID, d.Size, d.Quantity, dateText(d.GivenOn),
			nullID(d.SchoolID), d.ChildID, d.ActNumber, d.IssuedBy, d.Forced}
		if approve {
			a = append(a, by, at)
		}
		return a
	}
	ins, err := s.prepareInsert(ctx, tx, `INSERT INTO distributions (`+cols+`) VALUES `+row)
	if err != nil {
		return err
	}
	defer ins.Close()
	au, err := s.newAuditor(ctx, tx)
	if err != nil {
		return err
	}
	defer au.Close()
	insertOne := func(d *Distribution) error {
		err := s.insertPrepared(ctx, ins, &d.ID, args(d)...)
		if err != nil {
			return fmt.Errorf("give item #%d to child #%d: %w", d.ItemID, d.ChildID, mapConstraint(err))
		}
		return au.record("distributions", d.ID, "insert", nil, d)
	}
	order := byChild(ds)
	if s.dialect == sqliteDialect {
		var approval []any
		if approve {
			approval = []any{by, at}
		}
		return insertDistributionChunks(ctx, tx, ds, order, cols, approval, au, insertOne)
	}
	for _, i := range order {
		if err := insertOne(&ds[i]); err != nil {
			return err
		}
	}
	return nil
}

// distributionInsert is the columns of a distribution's INSERT and one
// row of its values, in the order of insertDistributions' args: the school
// is the child's unless given. A clerk may not write the approval's
// columns at all (the server's grants): only the head's insert (approve)
// names them.
func distributionInsert(approve bool) (cols, row string) {
	cols = `child_id, campaign_id, item_id, size, quantity, given_on, school_id, act_number, issued_by, forced`
	row = `(?, ?, ?, ?, ?, ?, COALESCE(?, (SELECT school_id FROM children WHERE id = ?)), ?, ?, ?`
	if approve {
		cols, row = cols+`, approved_by, approved_at`, row+`, ?, ?`
	}
	return cols, row + `)`
}

// DeleteDistribution takes back a distribution given by mistake. Once the
// head approved it, only the head may.
func (s *Store) DeleteDistribution(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := findDistributions(ctx, tx, DistributionFilter{ID: id})
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return fmt.Errorf("distribution #%d: %w", id, ErrNotFound)
		}
		if !rows[0].Pending() {
			if err := s.require(RoleHead); err != nil {
				return fmt.Errorf("delete approved distribution #%d: %w", id, err)
			}
		}
		return s.deleteRow(ctx, tx, "distributions", id, rows[0].Distribution)
	})
}

// DistributionFilter narrows a list of distributions.
type DistributionFilter struct {
	ID         int64
	CampaignID int64
	ChildID    int64
	SchoolID   int64
	ItemID     int64
	GivenOn    time.Time
	Pending    bool // only those waiting for the head's approval
	Limit      int
}

// DistributionRow is a distribution with the names a list shows.
type DistributionRow struct {
	Distribution
	ChildName    string
	ChildIIN     IIN
	SchoolNumber int
	Grade        int
	GradeLetter  string
}

// FindDistributions lists distributions by school, child and date.
func (s *Store) FindDistributions(ctx context.Context, f DistributionFilter) ([]DistributionRow, error) {
	return findDistributions(ctx, s.db, f)
}

func findDistributions(ctx context.Context, q queryer, f DistributionFilter) ([]DistributionRow, error) {
	where, args := distributionWhere(f)
	limit := f.Limit
	if limit <= 0 {
		limit = math.MaxInt32 // all
	}
	rows, err := q.QueryContext(ctx, `SELECT `+distributionColumns+`
		FROM distributions d JOIN children c ON c.id = d.child_id LEFT JOIN schools s ON s.id = d.school_id
		WHERE `+where+`
		ORDER BY s.number, d.given_on, c.surname, c.name, d.id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("find distributions: %w", err)
	}
	return scanDistributionRows(rows)
}

// distributionColumns are what a list shows of a distribution d, its
// child c and school s, in scanDistributionRows' order.
const distributionColumns = `d.id, d.child_id, d.campaign_id, d.item_id, d.size, d.quantity,
		d.given_on, COALESCE(d.school_id, 0), d.act_number, d.issued_by, d.forced,
		d.approved_by, COALESCE(d.approved_at, ''),
		c.surname || ' ' || c.name || CASE c.patronymic WHEN '' THEN '' ELSE ' ' || c.patronymic END,
		c.iin, COALESCE(s.number, 0), COALESCE(c.grade, 0), c.grade_letter`

// distributionWhere is the filter's condition over distributions d.
func distributionWhere(f DistributionFilter) (string, []any) {
	where, args := []string{"1 = 1"}, []any{}
	add := func(cond string, v any) { where, args = append(where, cond), append(args, v) }
	if f.ID != 0 {
		add("d.id = ?", f.ID)
	}
	if f.CampaignID != 0 {
		add("d.campaign_id = ?", f.CampaignID)
	}
	if f.ChildID != 0 {
		add("d.child_id = ?", f.ChildID)
	}
	if f.SchoolID != 0 {
		add("d.school_id = ?", f.SchoolID)
	}
	if f.ItemID != 0 {
		add("d.item_id = ?", f.ItemID)
	}
	if !f.GivenOn.IsZero() {
		add("d.given_on = ?", dateText(f.GivenOn))
	}
	if f.Pending {
		add("d.approved_by = ?", "")
	}
	return strings.Join(where, " AND "), args
}

// scanDistributionRows reads the columns of distributionColumns.
func scanDistributionRows(rows *sql.Rows) ([]DistributionRow, error) {
	defer rows.Close()
	var out []DistributionRow
	for rows.Next() {
		var r DistributionRow
		var on, iin, approvedAt string
		d := &r.Distribution
		if err := rows.Scan(&d.ID, &d.ChildID, &d.CampaignID, &d.ItemID, &d.Size, &d.Quantity, &on, &d.SchoolID,
			&d.ActNumber, &d.IssuedBy, &d.Forced, &d.ApprovedBy, &approvedAt,
			&r.ChildName, &iin, &r.SchoolNumber, &r.Grade, &r.GradeLetter); err != nil {
			return nil, err
		}
		d.GivenOn, r.ChildIIN, d.ApprovedAt = parseDate(on), IIN(iin), parseApprovedAt(approvedAt)
		out = append(out, r)
	}
	return out, rows.Err()
}
