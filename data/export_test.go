package data

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
