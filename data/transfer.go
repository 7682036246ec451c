package data

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// CopyStats counts the rows a Copy wrote, per table.
type CopyStats struct {
	Tables []TableCount `json:"tables"`
	Rows   int          `json:"rows"`
}

// TableCount is one table's rows.
type TableCount struct {
	Table string `json:"table"`
	Rows  int    `json:"rows"`
}

// Copy copies every row of src into dst, in one transaction of dst: an
// office's SQLite file up to the server (`migrate`), or a server's data down
// to a SQLite file (a backup). Rows keep their ids; a row dst already holds
// is overwritten with src's, so copying twice leaves dst as copying once
// did. Rows dst holds that src has not are kept. Both stores must be at the
// same schema version (Open brings both up to date).
func Copy(ctx context.Context, dst, src *Store, progress func(table string, rows int)) (CopyStats, error) {
	var stats CopyStats
	sv, err := src.Version(ctx)
	if err != nil {
		return stats, err
	}
	dv, err := dst.Version(ctx)
	if err != nil {
		return stats, err
	}
	if sv != dv {
		return stats, fmt.Errorf("copy: schema %d into schema %d: open both with this app first", sv, dv)
	}
	tables, err := copyOrder()
	if err != nil {
		return stats, err
	}
	read, err := src.readTx(ctx)
	if err != nil {
		return stats, err
	}
	defer read.Rollback()
	err = dst.inTx(ctx, func(tx *sql.Tx) error {
		stats = CopyStats{}
		// A move keeps the rows' own versions, stamps and audit: the
		// server's triggers (audit_pg.sql) are off for it, in this
		// transaction only (the owner's right, as migrate's).
		if err := dst.userTriggers(ctx, tx, tables, "DISABLE"); err != nil {
			return err
		}
		for _, t := range tables {
			n, err := copyTable(ctx, tx, read, dst.dialect, t)
			if err != nil {
				return fmt.Errorf("copy %s: %w", t, err)
			}
			stats.Tables = append(stats.Tables, TableCount{t, n})
			stats.Rows += n
			if progress != nil {
				progress(t, n)
			}
		}
		if err := dst.userTriggers(ctx, tx, tables, "ENABLE"); err != nil {
			return err
		}
		// the tallies are counted, not copied: the server's triggers were
		// off, and dst may hold rows src has not
		return recountTallies(ctx, tx)
	})
	return stats, err
}

// userTriggers turns the server's own triggers of the tables off or on.
func (s *Store) userTriggers(ctx context.Context, tx *sql.Tx, tables []string, how string) error {
	if s.dialect != postgresDialect {
		return nil
	}
	for _, t := range tables {
		if _, err := tx.ExecContext(ctx, `ALTER TABLE `+t+` `+how+` TRIGGER USER`); err != nil {
			return fmt.Errorf("copy %s: %s its triggers: %w", t, strings.ToLower(how), err)
		}
	}
	return nil
}

// Tidy has a server count the rows of every table and mark their pages
// visible, after a move (migrate): the first queries are then planned on
// figures and answered from the covering indexes — the dashboard over 100k
// children takes 95 ms instead of 180. It is the owner's right; for anyone
// else the server's autovacuum does it a little later, so a refusal is no
// error. A SQLite file needs nothing.
func (s *Store) Tidy(ctx context.Context) {
	if s.dialect != postgresDialect {
		return
	}
	tables, err := copyOrder()
	if err != nil {
		return
	}
	for _, t := range tables {
		s.db.ExecContext(ctx, `VACUUM (ANALYZE) `+t)
	}
	for _, t := range tallies {
		s.db.ExecContext(ctx, `VACUUM (ANALYZE) `+t.table)
	}
}

var createTable = regexp.MustCompile(`(?m)^CREATE TABLE (\w+)`)

// copyOrder lists the tables in the order the migrations create them, which
// is an order their foreign keys allow; the tallies, which a Copy counts
// afresh, are left out.
func copyOrder() ([]string, error) {
	bodies, versions, err := migrations()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, v := range versions {
		for _, m := range createTable.FindAllStringSubmatch(bodies[v], -1) {
			if !isTally(m[1]) {
				out = append(out, m[1])
			}
		}
	}
	return out, nil
}

// keyColumns are the primary keys of the tables not keyed by id.
var keyColumns = map[string][]string{
	"categories":       {"code"},
	"child_categories": {"child_id", "category"},
	"settings":         {"key"},
}

func copyTable(ctx context.Context, tx, read *sql.Tx, to dialect, table string) (int, error) {
	rows, err := read.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	keys := keyColumns[table]
	if keys == nil {
		keys = []string{"id"}
	}
	var set []string
	for _, c := range cols {
		if !contains(keys, c) {
			set = append(set, c+" = excluded."+c)
		}
	}
	conflict := " ON CONFLICT (" + strings.Join(keys, ", ") + ") DO NOTHING"
	if len(set) > 0 {
		conflict = " ON CONFLICT (" + strings.Join(keys, ", ") + ") DO UPDATE SET " + strings.Join(set, ", ")
	}
	one := "(" + marks(len(cols)) + ")"
	perBatch := max(1, 30000/len(cols)) // under both servers' limits on parameters
	var batch []any
	n := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		count := len(batch) / len(cols)
		q := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES ` +
			strings.TrimSuffix(strings.Repeat(one+", ", count), ", ") + conflict
		if _, err := tx.ExecContext(ctx, q, batch...); err != nil {
			return err
		}
		batch = batch[:0]
		return nil
	}
	for rows.Next() {
		vals, err := scanValues(rows, cols, "sort_key") // a sort key is bytes
		if err != nil {
			return n, err
		}
		batch = append(batch, vals...)
		n++
		if n%perBatch == 0 {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	if err := flush(); err != nil {
		return n, err
	}
	if to == postgresDialect && keys[0] == "id" {
		// the next id the server hands out follows the copied ones
		_, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+table+`', 'id'),
			GREATEST((SELECT max(id) FROM `+table+`), 1), (SELECT max(id) IS NOT NULL FROM `+table+`))`)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// scanValues scans the row rows is on into one value per column of cols.
// SQLite may hand text over as bytes: it is made a string, but in the
// columns named bytes.
func scanValues(rows *sql.Rows, cols []string, bytes ...string) ([]any, error) {
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	for i, v := range vals {
		if b, ok := v.([]byte); ok && !slices.Contains(bytes, cols[i]) {
			vals[i] = string(b)
		}
	}
	return vals, nil
}
