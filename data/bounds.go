package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"
)

// The bounds of sane values: past them a value is a typo or an attack, and
// sums of them would overflow.
const (
	// MaxDonationTenge is the largest donation: 10^12 ₸. A million of them
	// still sum within int64.
	MaxDonationTenge int64 = 1_000_000_000_000
	// MaxQuantity is the most items of one kind in one record.
	MaxQuantity = 1_000_000
	// MaxNameChars is the longest name of a person or an organisation.
	MaxNameChars = 200
	// MinBirthYear is the earliest birth year of a child of the campaign;
	// the latest is next year.
	MinBirthYear = 1990
)

// checkName refuses a name with control characters (a NUL, a line break)
// or longer than MaxNameChars.
func checkName(field, s string) error {
	if n := utf8.RuneCountInString(s); n > MaxNameChars {
		return invalid(field, fmt.Sprintf("%.80s…", s), "err.name.too_long")
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return invalid(field, fmt.Sprintf("%q", s), "err.name.control")
		}
	}
	return nil
}

// checkBounds finds values outside the bounds that a hand edit or an older
// version let in: donations past MaxDonationTenge, names with control
// characters or too long, children's birth dates out of range.
func (s *Store) checkBounds(ctx context.Context) ([]Problem, error) {
	var out []Problem
	// The bound is written in the query: a server's column is a 32-bit
	// integer, and a parameter past it would not even be sent.
	rows, err := s.db.QueryContext(ctx, `SELECT id, money_tenge FROM donations
		WHERE money_tenge < 0 OR money_tenge > 1000000000000`)
	if err != nil {
		return nil, fmt.Errorf("check donations: %w", err)
	}
	for rows.Next() {
		var id, v int64
		if err := rows.Scan(&id, &v); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, Problem{Kind: "bounds", Table: "donations", RowID: id, Detail: fmt.Sprintf("amount %d ₸ out of 0..%d", v, MaxDonationTenge)})
	}
	rows.Close()
	names := []struct{ table, query string }{
		{"children", `SELECT id, surname, name, patronymic, COALESCE(birth_date, ''), iin FROM children`},
		{"sponsors", `SELECT id, name, '', '', '', '' FROM sponsors`},
	}
	for _, q := range names {
		rows, err := s.db.QueryContext(ctx, q.query)
		if err != nil {
			return nil, fmt.Errorf("check %s: %w", q.table, err)
		}
		for rows.Next() {
			var id int64
			var a, b, c, iin string
			var birth sql.NullString
			if err := rows.Scan(&id, &a, &b, &c, &birth, &iin); err != nil {
				rows.Close()
				return nil, err
			}
			for _, n := range []string{a, b, c} {
				if err := checkName("name", n); err != nil {
					out = append(out, Problem{Kind: "bounds", Table: q.table, RowID: id, Detail: err.Error()})
				}
			}
			if len(birth.String) >= 10 {
				// the IIN is the judge: a date it holds is no typo
				fromIIN, _ := IIN(iin).BirthDate()
				d := parseDate(birth.String[:10])
				if !d.IsZero() && !d.Equal(fromIIN) && (d.Year() < MinBirthYear || d.Year() > time.Now().Year()+1) {
					out = append(out, Problem{Kind: "bounds", Table: q.table, RowID: id, Detail: "birth date " + birth.String[:10]})
				}
			}
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
