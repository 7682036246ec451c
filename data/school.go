package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// School types.
const (
	SchoolGymnasium = "gymnasium"
	SchoolLyceum    = "lyceum"
	SchoolGeneral   = "general" // ЖББМ / СОШ
	SchoolSpecial   = "special"
)

// SchoolTypes lists the school types in display order.
var SchoolTypes = []string{SchoolGeneral, SchoolGymnasium, SchoolLyceum, SchoolSpecial}

// School is one of the city's schools.
type School struct {
	ID       int64
	Number   int
	NameKK   string
	NameRU   string
	Type     string
	District string
	Address  string
	Director string
	Phone    string
}

// Name returns the school's name in lang (kk or ru).
func (s School) Name(lang string) string {
	if lang == "ru" {
		return s.NameRU
	}
	return s.NameKK
}

func (sc *School) validate() error {
	sc.NameKK, sc.NameRU = strings.TrimSpace(sc.NameKK), strings.TrimSpace(sc.NameRU)
	if sc.Number <= 0 {
		return invalid("number", fmt.Sprint(sc.Number), "err.school.number")
	}
	if sc.NameKK == "" {
		return invalid("name_kk", "", "err.required")
	}
	if sc.NameRU == "" {
		sc.NameRU = sc.NameKK
	}
	for _, t := range SchoolTypes {
		if sc.Type == t {
			return nil
		}
	}
	return invalid("type", sc.Type, "err.school.type")
}

const schoolColumns = `id, number, name_kk, name_ru, type, district, address, director, phone`

func scanSchool(sc interface{ Scan(...any) error }) (School, error) {
	var s School
	err := sc.Scan(&s.ID, &s.Number, &s.NameKK, &s.NameRU, &s.Type, &s.District, &s.Address, &s.Director, &s.Phone)
	return s, err
}

// FindSchools returns all schools ordered by number.
func (s *Store) FindSchools(ctx context.Context) ([]School, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+schoolColumns+` FROM schools ORDER BY number`)
	if err != nil {
		return nil, fmt.Errorf("find schools: %w", err)
	}
	defer rows.Close()
	var out []School
	for rows.Next() {
		sc, err := scanSchool(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, rows.Err()
}

// FindSchoolByNumber returns the school with a number (№7), or ErrNotFound.
func (s *Store) FindSchoolByNumber(ctx context.Context, number int) (School, error) {
	sc, err := scanSchool(s.db.QueryRowContext(ctx, `SELECT `+schoolColumns+` FROM schools WHERE number = ?`, number))
	if errors.Is(err, sql.ErrNoRows) {
		return sc, fmt.Errorf("school №%d: %w", number, ErrNotFound)
	}
	return sc, err
}

// CreateSchool saves a new school and sets its ID.
func (s *Store) CreateSchool(ctx context.Context, sc *School) error {
	if err := s.require(RoleAdmin); err != nil {
		return fmt.Errorf("create school: %w", err)
	}
	if err := sc.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createSchool(ctx, tx, sc) })
}

func (s *Store) createSchool(ctx context.Context, tx *sql.Tx, sc *School) error {
	err := s.insertRow(ctx, tx, &sc.ID, `INSERT INTO schools (number, name_kk, name_ru, type, district, address, director, phone)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, sc.Number, sc.NameKK, sc.NameRU, sc.Type, sc.District, sc.Address, sc.Director, sc.Phone)
	if err != nil {
		return fmt.Errorf("create school №%d: %w", sc.Number, mapConstraint(err))
	}
	return s.audit(ctx, tx, "schools", sc.ID, "insert", nil, sc)
}

// UpdateSchool saves changes to a school.
func (s *Store) UpdateSchool(ctx context.Context, sc *School) error {
	if err := s.require(RoleAdmin); err != nil {
		return fmt.Errorf("update school: %w", err)
	}
	if err := sc.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := scanSchool(tx.QueryRowContext(ctx, `SELECT `+schoolColumns+` FROM schools WHERE id = ?`, sc.ID))
		if err != nil {
			return notFound(err, "school", sc.ID)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE schools SET number = ?, name_kk = ?, name_ru = ?, type = ?,
			district = ?, address = ?, director = ?, phone = ? WHERE id = ?`, sc.Number, sc.NameKK, sc.NameRU,
			sc.Type, sc.District, sc.Address, sc.Director, sc.Phone, sc.ID); err != nil {
			return fmt.Errorf("update school №%d: %w", sc.Number, mapConstraint(err))
		}
		return s.audit(ctx, tx, "schools", sc.ID, "update", old, sc)
	})
}

// DeleteSchool removes a school that no child or distribution refers to.
func (s *Store) DeleteSchool(ctx context.Context, id int64) error {
	if err := s.require(RoleAdmin); err != nil {
		return fmt.Errorf("delete school: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := scanSchool(tx.QueryRowContext(ctx, `SELECT `+schoolColumns+` FROM schools WHERE id = ?`, id))
		if err != nil {
			return notFound(err, "school", id)
		}
		return s.deleteRow(ctx, tx, "schools", id, old)
	})
}

// notFound turns sql.ErrNoRows into ErrNotFound naming the row.
func notFound(err error, what string, id int64) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s #%d: %w", what, id, ErrNotFound)
	}
	return fmt.Errorf("load %s #%d: %w", what, id, err)
}

// deleteRow deletes one row by id and records it in the audit log.
func (s *Store) deleteRow(ctx context.Context, tx *sql.Tx, table string, id int64, old any) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete %s #%d: %w", table, id, mapConstraint(err))
	}
	return s.audit(ctx, tx, table, id, "delete", old, nil)
}
