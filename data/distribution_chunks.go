package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// distributionChunk is how many distributions one INSERT saves on SQLite.
const distributionChunk = 50

// insertDistributionChunks saves a batch on SQLite 50 rows an INSERT of
// cols, each row's values row filled in by args: the tallies' triggers
// (migration 0014) give each INSERT into distributions a statement journal,
// which one row at a time made a batch of 100,000 five times slower (2.3 →
// 11.6 s; 50 rows an INSERT 4.0 s, their journals kept in memory by
// inBulkTx 2.45 s, 20 or 200 rows no faster). SQLite numbers the rows of
// one INSERT one after another (the largest id + 1), so the last id tells
// them all. A chunk a constraint refuses (its statement undone, the
// transaction going on) is saved again one row at a time by one, whose
// error names the row; any other error ends the batch.
func insertDistributionChunks(ctx context.Context, tx *sql.Tx, ds []Distribution, cols, row string,
	args func(*Distribution) []any, au *auditor, one func(*Distribution) error) error {
	for lo := 0; lo < len(ds); lo += distributionChunk {
		part := ds[lo:min(len(ds), lo+distributionChunk)]
		if len(part) == 1 {
			if err := one(&part[0]); err != nil {
				return err
			}
			continue
		}
		values := make([]any, 0, len(part)*13)
		for i := range part {
			values = append(values, args(&part[i])...)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO distributions (`+cols+`) VALUES `+
			strings.TrimSuffix(strings.Repeat(row+", ", len(part)), ", "), values...)
		var se sqlite3.Error
		if errors.As(err, &se) && se.Code != sqlite3.ErrConstraint {
			// a full disk (or I/O) may have rolled the whole transaction
			// back: nothing more may be written in it
			return fmt.Errorf("give %d items: %w", len(part), err)
		}
		if err != nil {
			for i := range part {
				if err := one(&part[i]); err != nil {
					return err
				}
			}
			continue
		}
		last, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for i := range part {
			part[i].ID = last - int64(len(part)-1-i)
			if err := au.record("distributions", part[i].ID, "insert", nil, &part[i]); err != nil {
				return err
			}
		}
	}
	return nil
}
