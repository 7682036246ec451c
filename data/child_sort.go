package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"

	"github.com/mektepkezhol/app/data/lingo"
)

// Children are listed in the Kazakh alphabet's order (а ә б в г ғ … ы і ь
// э ю я), which neither engine knows: children.sort_key holds the
// collation key of «surname name patronymic» (data/lingo), made by the
// app on every save. Both engines compare BLOB/bytea bytewise, so ORDER BY
// sort_key, id is the alphabet's order and an index serves it.

// keyMakers reuses collators: making one costs more than a key.
var keyMakers = sync.Pool{New: func() any { return lingo.NewKeyMaker("kk") }}

// childSortKey is the stored sort key of a child's full name.
func childSortKey(surname, name, patronymic string) []byte {
	k := keyMakers.Get().(*lingo.KeyMaker)
	defer keyMakers.Put(k)
	return k.Key(surname, name, patronymic)
}

func (c Child) sortKey() []byte { return childSortKey(c.Surname, c.Name, c.Patronymic) }

// sortKeyBatch is how many children one transaction of fillSortKeys keys.
const sortKeyBatch = 2000

// fillSortKeys gives every child without a sort key its key (the rows of
// a database made before migration 0008, or a run cut short), a batch per
// transaction, so that it resumes where it stopped. It is cheap when
// every child has a key: one indexed look.
func (s *Store) fillSortKeys(ctx context.Context) error {
	var missing int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM children WHERE sort_key IS NULL LIMIT 1) t`).Scan(&missing)
	if err != nil || missing == 0 {
		return err
	}
	// A key filled is no clerk's change: on a server the owner (who runs
	// the migrations) turns off the triggers that stamp a new version and
	// audit it. Anyone else (a row a script added without its key) fills
	// with the triggers on, and the audit shows the change.
	quiet := false
	if s.dialect == postgresDialect {
		err := s.db.QueryRowContext(ctx, `SELECT pg_has_role(relowner, 'USAGE') FROM pg_class
			WHERE oid = to_regclass('children')`).Scan(&quiet)
		if err != nil {
			return fmt.Errorf("children's sort keys: %w", err)
		}
	}
	for {
		n := 0
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			var err error
			n, err = s.fillSortKeyBatch(ctx, tx, quiet)
			return err
		})
		if err != nil {
			return fmt.Errorf("children's sort keys: %w", err)
		}
		if n < sortKeyBatch {
			return nil
		}
	}
}

// fillSortKeyBatch keys up to sortKeyBatch children and tells how many.
func (s *Store) fillSortKeyBatch(ctx context.Context, tx *sql.Tx, quiet bool) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, surname, name, patronymic FROM children
		WHERE sort_key IS NULL ORDER BY id LIMIT ?`, sortKeyBatch)
	if err != nil {
		return 0, err
	}
	var args []any
	for rows.Next() {
		var id int64
		var surname, name, patronymic string
		if err := rows.Scan(&id, &surname, &name, &patronymic); err != nil {
			rows.Close()
			return 0, err
		}
		args = append(args, id, childSortKey(surname, name, patronymic))
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(args) == 0 {
		return 0, err
	}
	if quiet { // in this transaction only
		if err := s.userTriggers(ctx, tx, []string{"children"}, "DISABLE"); err != nil {
			return 0, err
		}
	}
	blob := "BLOB"
	if s.dialect == postgresDialect {
		blob = "BYTEA"
	}
	one := "(CAST(? AS BIGINT), CAST(? AS " + blob + "))"
	n := len(args) / 2
	if _, err := tx.ExecContext(ctx, `WITH k(id, sort_key) AS (VALUES `+
		strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")+`)
		UPDATE children SET sort_key = k.sort_key FROM k WHERE children.id = k.id`, args...); err != nil {
		return 0, err
	}
	if quiet {
		return n, s.userTriggers(ctx, tx, []string{"children"}, "ENABLE")
	}
	return n, nil
}
