package data

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"time"
)

// ChildFilter narrows a list of children. Zero fields don't filter.
type ChildFilter struct {
	Query    string // part of a name or IIN, any case
	SchoolID int64
	Grade    int
	Category string
	// Helped keeps the children who got (true) or did not get (false)
	// anything in CampaignID.
	Helped          *bool
	CampaignID      int64
	IncludeArchived bool
	Limit, Offset   int
}

const childColumns = `c.id, c.iin, c.surname, c.name, c.patronymic, c.birth_date, c.sex, COALESCE(c.school_id, 0),
	COALESCE(c.grade, 0), c.grade_letter, c.address, c.guardian_name, c.guardian_phone, c.clothing_size,
	c.shoe_size, c.consent_on, c.consent_by, c.notes, c.archived, c.version, c.changed_by, c.changed_at,
	COALESCE((SELECT string_agg(category, ',') FROM child_categories WHERE child_id = c.id), '')`

func scanChild(sc interface{ Scan(...any) error }) (Child, error) {
	var c Child
	var iin, cats, at string
	var birth, consent sql.NullString
	err := sc.Scan(&c.ID, &iin, &c.Surname, &c.Name, &c.Patronymic, &birth, &c.Sex, &c.SchoolID, &c.Grade,
		&c.GradeLetter, &c.Address, &c.GuardianName, &c.GuardianPhone, &c.ClothingSize, &c.ShoeSize, &consent,
		&c.ConsentBy, &c.Notes, &c.Archived, &c.Version, &c.ChangedBy, &at, &cats)
	c.IIN, c.BirthDate, c.ConsentOn = IIN(iin), parseNullDate(birth), parseNullDate(consent)
	c.ChangedAt = parseStamp(at)
	for _, code := range strings.Split(cats, ",") {
		if code != "" {
			c.Categories = append(c.Categories, ChildCategory{Code: code})
		}
	}
	return c, err
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// findChild loads one child with the full proofs of its categories.
func findChild(ctx context.Context, q queryer, id int64) (Child, error) {
	c, err := scanChild(q.QueryRowContext(ctx, `SELECT `+childColumns+` FROM children c WHERE c.id = ?`, id))
	if err != nil {
		return c, notFound(err, "child", id)
	}
	rows, err := q.QueryContext(ctx, `SELECT cc.category, cc.doc_type, cc.doc_number, cc.doc_date, cc.doc_valid_until
		FROM child_categories cc JOIN categories k ON k.code = cc.category WHERE cc.child_id = ? ORDER BY k.position`, id)
	if err != nil {
		return c, fmt.Errorf("load categories of child #%d: %w", id, err)
	}
	defer rows.Close()
	c.Categories = nil
	for rows.Next() {
		var cc ChildCategory
		var date, until sql.NullString
		if err := rows.Scan(&cc.Code, &cc.DocType, &cc.DocNumber, &date, &until); err != nil {
			return c, err
		}
		cc.DocDate, cc.DocValidUntil = parseNullDate(date), parseNullDate(until)
		c.Categories = append(c.Categories, cc)
	}
	return c, rows.Err()
}

// FindChildByID returns a child with its categories, or ErrNotFound.
func (s *Store) FindChildByID(ctx context.Context, id int64) (Child, error) {
	return findChild(ctx, s.db, id)
}

// FindChildByIIN returns the child with an IIN, or ErrNotFound.
func (s *Store) FindChildByIIN(ctx context.Context, iin IIN) (Child, error) {
	var id int64
	if err := s.db.QueryRowContext(ctx, `SELECT id FROM children WHERE iin = ?`, string(iin)).Scan(&id); err != nil {
		if err == sql.ErrNoRows {
			return Child{}, fmt.Errorf("child %s: %w", iin, ErrNotFound)
		}
		return Child{}, err
	}
	return s.FindChildByID(ctx, id)
}

// where is the filter's condition on children c for the dialect d.
func (f ChildFilter) where(d dialect) (string, []any) {
	where, args := []string{"1 = 1"}, []any{}
	if !f.IncludeArchived {
		where = append(where, "c.archived = 0")
	}
	if q := strings.ToLower(strings.TrimSpace(f.Query)); q != "" && d == sqliteDialect {
		// search is lower case: instr is LIKE '%q%' here, at two thirds
		// of LIKE's cost on each of the 300 000 rows a scan tests
		where, args = append(where, "instr(c.search, ?) > 0"), append(args, q)
	} else if q != "" {
		// the server's trigram index (0010) serves LIKE, not strpos
		where = append(where, "c.search LIKE ? ESCAPE '\\'")
		args = append(args, "%"+escapeLike(q)+"%")
	}
	if f.SchoolID != 0 {
		where, args = append(where, "c.school_id = ?"), append(args, f.SchoolID)
	}
	if f.Grade != 0 {
		where, args = append(where, "c.grade = ?"), append(args, f.Grade)
	}
	if f.Category != "" {
		where = append(where, "EXISTS (SELECT 1 FROM child_categories cc WHERE cc.child_id = c.id AND cc.category = ?)")
		args = append(args, f.Category)
	}
	if f.Helped != nil {
		cond := "EXISTS (SELECT 1 FROM distributions d WHERE d.child_id = c.id AND d.campaign_id = ?)"
		if !*f.Helped {
			cond = "NOT " + cond
		}
		where, args = append(where, cond), append(args, f.CampaignID)
	}
	return strings.Join(where, " AND "), args
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// FindChildren returns the children matching f in the alphabet's order
// (surname, name, patronymic; see child_sort.go).
func (s *Store) FindChildren(ctx context.Context, f ChildFilter) ([]Child, error) {
	where, args := f.where(s.dialect)
	limit, index := f.Limit, s.childIndex(f) // a picker's few rows read as a page's
	if limit <= 0 {
		limit, index = math.MaxInt32, s.searchIndex(f) // all
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+childColumns+` FROM children c`+index+` WHERE `+where+`
		ORDER BY c.sort_key, c.id LIMIT ? OFFSET ?`, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("find children: %w", err)
	}
	defer rows.Close()
	var out []Child
	for rows.Next() {
		c, err := scanChild(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CountChildren counts the children matching f (Limit and Offset ignored).
func (s *Store) CountChildren(ctx context.Context, f ChildFilter) (int, error) {
	where, args := f.where(s.dialect)
	var n int
	// a search's columns are in children_alpha: no row is read (SQLite's
	// planner would read all 300 000 through children_archived)
	index := s.searchIndex(f)
	if in, q, ok := s.digitsIn(f); ok { // child_list.go
		where, args, index = where+in, append(args, q), " NOT INDEXED"
	}
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM children c`+index+` WHERE `+where, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count children: %w", err)
	}
	return n, nil
}

// ExpiredProof is a category membership whose document is no longer valid.
type ExpiredProof struct {
	ChildID    int64
	FullName   string
	IIN        IIN
	Category   string
	DocNumber  string
	ValidUntil time.Time
}

// FindExpiredProofs lists category documents that expire before day.
func (s *Store) FindExpiredProofs(ctx context.Context, day time.Time) ([]ExpiredProof, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.surname || ' ' || c.name, c.iin, cc.category, cc.doc_number,
		cc.doc_valid_until FROM child_categories cc JOIN children c ON c.id = cc.child_id
		WHERE c.archived = 0 AND cc.doc_valid_until IS NOT NULL AND cc.doc_valid_until < ?
		ORDER BY cc.doc_valid_until, c.surname`, dateText(day))
	if err != nil {
		return nil, fmt.Errorf("find expired proofs: %w", err)
	}
	defer rows.Close()
	var out []ExpiredProof
	for rows.Next() {
		var p ExpiredProof
		var iin, until string
		if err := rows.Scan(&p.ChildID, &p.FullName, &iin, &p.Category, &p.DocNumber, &until); err != nil {
			return nil, err
		}
		p.IIN, p.ValidUntil = IIN(iin), parseDate(until)
		out = append(out, p)
	}
	return out, rows.Err()
}
