package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// The tallies (migration 0014) are the dashboard's counts kept by triggers
// as distributions, categories and children change: Summary and Stock add
// up a few hundred of their rows instead of counting a campaign's million
// distributions. Each count is spread over 64 shards by the child's id, so
// that two clerks' saves on a server seldom change one row; a shard whose
// count falls to 0 is deleted, so the tallies are always row for row what
// tallyCounts gives.

// tally is one tally table and the query that counts it afresh, in its
// columns' order.
type tally struct {
	table   string
	columns string
	count   string
}

// tallies are the tally tables. The queries are those of migration 0014's
// backfill.
var tallies = []tally{
	{"tally_given", "campaign_id, item_id, shard, n, quantity",
		`SELECT campaign_id, item_id, child_id % 64, count(*), sum(quantity) FROM distributions
		GROUP BY campaign_id, item_id, child_id % 64`},
	{"tally_helped", "campaign_id, category, shard, n",
		`SELECT campaign_id, '', child_id % 64, count(*) FROM (SELECT DISTINCT campaign_id, child_id FROM distributions) h
		GROUP BY campaign_id, child_id % 64
		UNION ALL
		SELECT h.campaign_id, cc.category, h.child_id % 64, count(*)
		FROM (SELECT DISTINCT campaign_id, child_id FROM distributions) h
		JOIN child_categories cc ON cc.child_id = h.child_id
		JOIN children c ON c.id = h.child_id
		WHERE c.archived = 0
		GROUP BY h.campaign_id, cc.category, h.child_id % 64`},
	{"tally_registered", "category, shard, n",
		`SELECT cc.category, cc.child_id % 64, count(*) FROM child_categories cc
		JOIN children c ON c.id = cc.child_id
		WHERE c.archived = 0
		GROUP BY cc.category, cc.child_id % 64`},
}

// isTally tells a tally table from the office's data.
func isTally(table string) bool { return strings.HasPrefix(table, "tally_") }

// recountTallies counts every tally afresh: after a Copy, which writes the
// rows with the server's triggers off.
func recountTallies(ctx context.Context, tx *sql.Tx) error {
	for _, t := range tallies {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t.table); err != nil {
			return fmt.Errorf("recount %s: %w", t.table, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+t.table+` (`+t.columns+`) `+t.count); err != nil {
			return fmt.Errorf("recount %s: %w", t.table, err)
		}
	}
	return nil
}

// RecountTallies counts the dashboard's tallies afresh, in one
// transaction: for an office whose rows a DBA changed with the triggers
// off, which Check reports as problems of kind "tally".
func (s *Store) RecountTallies(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return recountTallies(ctx, tx) })
}

// checkTallies compares each tally with its count afresh; a row that
// differs is a problem (kind "tally").
func checkTallies(ctx context.Context, q queryer) ([]Problem, error) {
	var out []Problem
	for _, t := range tallies {
		// each side a subquery: a compound count would otherwise bind
		// EXCEPT to its first part only
		kept := `SELECT * FROM (SELECT ` + t.columns + ` FROM ` + t.table + `) k`
		counted := `SELECT * FROM (` + t.count + `) c`
		for _, side := range []struct{ query, detail string }{
			{kept + ` EXCEPT ` + counted, "kept, not counted: "},
			{counted + ` EXCEPT ` + kept, "counted, not kept: "},
		} {
			rows, err := q.QueryContext(ctx, side.query)
			if err != nil {
				return nil, fmt.Errorf("check %s: %w", t.table, err)
			}
			cols, _ := rows.Columns()
			for rows.Next() {
				vals, err := scanValues(rows, cols) // transfer.go
				if err != nil {
					rows.Close()
					return nil, err
				}
				out = append(out, Problem{Kind: "tally", Table: t.table, Detail: side.detail + fmt.Sprint(vals)})
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
