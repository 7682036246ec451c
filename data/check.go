package data

import (
	"context"
	"database/sql"
	"fmt"
)

// Problem is one thing found wrong by Check.
type Problem struct {
	Kind   string `json:"kind"` // integrity, foreign_key, iin, bin, stock, tally
	Table  string `json:"table,omitempty"`
	RowID  int64  `json:"row_id,omitempty"`
	Detail string `json:"detail"`
}

// Check runs SQLite's integrity and foreign-key checks and the domain's own:
// identifiers with bad check digits, stock below zero and tallies that
// differ from a count afresh.
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	out, err := s.checkFile(ctx)
	if err != nil {
		return nil, err
	}
	ids := []struct{ kind, table, query string }{
		// an anonymised child's IIN is a mark, no identifier (retention.go)
		{"iin", "children", `SELECT id, iin FROM children WHERE iin NOT LIKE '` + AnonymousIINMark + `%'`},
		{"bin", "sponsors", `SELECT id, bin FROM sponsors WHERE bin IS NOT NULL`},
	}
	for _, q := range ids {
		err := eachIDValue(ctx, s.db, q.query, func(id int64, v string) {
			if !ValidCheckDigit(v) {
				out = append(out, Problem{Kind: q.kind, Table: q.table, RowID: id, Detail: "bad check digit: " + v})
			}
		})
		if err != nil {
			return nil, fmt.Errorf("check %s: %w", q.table, err)
		}
	}

	bounds, err := s.checkBounds(ctx)
	if err != nil {
		return nil, err
	}
	out = append(out, bounds...)
	drift, err := checkTallies(ctx, s.db)
	if err != nil {
		return nil, err
	}
	out = append(out, drift...)
	campaigns, err := s.FindCampaigns(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range campaigns {
		lines, err := s.Stock(ctx, c.ID)
		if err != nil {
			return nil, err
		}
		for _, l := range lines {
			if l.Left() < 0 {
				out = append(out, Problem{Kind: "stock", Table: "aid_items", RowID: l.Item.ID,
					Detail: fmt.Sprintf("campaign %d: %s stock is %d", c.Year, l.Item.Code, l.Left())})
			}
		}
	}
	return out, nil
}

func eachIDValue(ctx context.Context, q queryer, query string, fn func(int64, string)) error {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var v string
		if err := rows.Scan(&id, &v); err != nil {
			return err
		}
		fn(id, v)
	}
	return rows.Err()
}

// checkFile runs SQLite's own checks of the file: its integrity and the
// foreign keys. A server keeps both itself.
func (s *Store) checkFile(ctx context.Context) ([]Problem, error) {
	if s.dialect == postgresDialect {
		return nil, nil
	}
	var out []Problem
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return nil, err
		}
		if msg != "ok" {
			out = append(out, Problem{Kind: "integrity", Detail: msg})
		}
	}
	rows.Close()

	rows, err = s.db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, fmt.Errorf("foreign key check: %w", err)
	}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, Problem{Kind: "foreign_key", Table: table, RowID: rowid.Int64,
			Detail: "refers to a missing " + parent + " row"})
	}
	rows.Close()
	return out, nil
}
