package data

import "context"

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

// NumbersLock is numbersLock, for the test that no two registers share a lock.
func NumbersLock(register string, campaignID int64) int64 { return numbersLock(register, campaignID) }
