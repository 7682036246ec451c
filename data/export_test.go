package data

import (
	"context"
	"database/sql"
)

// RawExec runs SQL behind the store's back, for tests that break a
// database on purpose.
func (s *Store) RawExec(query string, args ...any) error {
	_, err := s.db.Exec(query, args...)
	return err
}

// RawCount counts the rows of a query, for tests.
func (s *Store) RawCount(query string, args ...any) (int, error) {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM ("+query+") AS q", args...).Scan(&n)
	return n, err
}

// RawWrite runs SQL behind the app's role checks, with the server's
// refusals mapped like the store's own, for tests of the server's grants.
func (s *Store) RawWrite(query string, args ...any) error {
	_, err := s.db.Exec(query, args...)
	return serverError(err)
}

// SetRole pretends the store's user has a role, for tests of the app's
// own checks on a SQLite file.
func (s *Store) SetRole(r Role) { s.role = r }

// ApplyGrants grants the roles their rights again, for benchmarks.
func (s *Store) ApplyGrants(ctx context.Context) error { return s.applyGrants(ctx) }

// RawStrings reads the first column of a query's rows, for tests.
func (s *Store) RawStrings(query string, args ...any) ([]string, error) {
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, serverError(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// ScramVerifierSalted is scramVerifier with a given salt, for tests.
var ScramVerifierSalted = scramVerifierSalted

// ServerError maps the server's refusals like the store does, for tests.
var ServerError = serverError

// TLSRequired tells whether Open would connect to the URL's server only
// over TLS, for tests.
func TLSRequired(dsn string) (bool, error) {
	cfg, err := serverConfig(dsn)
	if err != nil {
		return false, err
	}
	if cfg.TLSConfig == nil {
		return false, nil
	}
	for _, f := range cfg.Fallbacks {
		if f.TLSConfig == nil {
			return false, nil
		}
	}
	return true, nil
}

// NumbersLock is numbersLock, for the test that no two registers share a lock.
func NumbersLock(register string, campaignID int64) int64 { return numbersLock(register, campaignID) }

// RawBegin begins a transaction behind the store's back, for a test of
// another app's save meeting a migration.
func (s *Store) RawBegin() (*sql.Tx, error) { return s.db.Begin() }

// OneConnection keeps the store to one connection to the database, for
// tests of what happens to it.
func (s *Store) OneConnection() { s.db.SetMaxOpenConns(1) }

// BackendPID is the server's process of the store's connection.
func (s *Store) BackendPID(ctx context.Context) (int, error) {
	var pid int
	err := s.db.QueryRowContext(ctx, `SELECT pg_backend_pid()`).Scan(&pid)
	return pid, err
}

// RawSleep runs the server's pg_sleep for d.
func (s *Store) RawSleep(ctx context.Context, d float64) error {
	_, err := s.db.ExecContext(ctx, `SELECT pg_sleep(?)`, d)
	return err
}
