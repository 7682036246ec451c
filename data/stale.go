package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrStale means the row was changed by someone else since it was loaded:
// the update was refused so that their change is not lost.
var ErrStale = errors.New("changed by someone else since it was loaded")

// StaleError says who changed a row since the caller loaded it, and when.
// It wraps ErrStale.
type StaleError struct {
	Table string
	ID    int64
	By    string
	At    time.Time
}

func (e *StaleError) Error() string {
	by := e.By
	if by == "" {
		by = "someone"
	}
	return fmt.Sprintf("%s #%d was changed by %s at %s since it was loaded", e.Table, e.ID, by, e.At.Local().Format("15:04"))
}

// Unwrap lets errors.Is(err, ErrStale) match.
func (e *StaleError) Unwrap() error { return ErrStale }

// stamp is the time recorded as a row's changed_at: whole seconds in UTC,
// written as RFC 3339 like the audit log's.
func (s *Store) stamp() (string, time.Time) {
	at := s.Now().UTC().Truncate(time.Second)
	return at.Format(time.RFC3339), at
}

// versioned is what an update of a versioned row reports back to the
// caller's struct: the row's new version, who changed it and when.
type versioned struct {
	Version   *int64
	ChangedBy *string
	ChangedAt *time.Time
}

// updated checks the result of an `UPDATE … WHERE id = ? AND version = ?`:
// no row updated means the row is gone (ErrNotFound) or someone else
// changed it first (*StaleError). On success v gets the new version.
func (s *Store) updated(ctx context.Context, tx *sql.Tx, res sql.Result, table string, id int64, at time.Time, v versioned) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("update %s #%d: %w", table, id, err)
	}
	if n == 0 {
		return staleOrGone(ctx, tx, table, id)
	}
	if s.dialect == postgresDialect {
		// The server's trigger stamped the row (audit_pg.sql).
		var stamp string
		err := tx.QueryRowContext(ctx, `SELECT version, changed_by, changed_at FROM `+table+` WHERE id = ?`, id).
			Scan(v.Version, v.ChangedBy, &stamp)
		if err != nil {
			return fmt.Errorf("load %s #%d: %w", table, id, err)
		}
		*v.ChangedAt = parseStamp(stamp)
		return nil
	}
	*v.Version++
	*v.ChangedBy, *v.ChangedAt = s.actor, at
	return nil
}

// staleOrGone tells why an update of a row found nothing to update.
func staleOrGone(ctx context.Context, tx *sql.Tx, table string, id int64) error {
	var by, at string
	err := tx.QueryRowContext(ctx, `SELECT changed_by, changed_at FROM `+table+` WHERE id = ?`, id).Scan(&by, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s #%d: %w", table, id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("load %s #%d: %w", table, id, err)
	}
	return &StaleError{Table: table, ID: id, By: by, At: parseStamp(at)}
}

// parseStamp reads a changed_at; rows saved before versions have none.
func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}
