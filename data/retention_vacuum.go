package data

import (
	"context"
	"fmt"
)

// vacuumAfterRetention rewrites the database so that no free page keeps the
// text retention removed. SQLite: VACUUM rebuilds the file, and a
// truncating checkpoint empties the write-ahead log, whose frames still
// hold the pages of before. PostgreSQL: VACUUM FULL rewrites the touched
// tables, which only their owner (or a superuser) may do; an admin who is
// neither leaves that to the server's admin, and the report says so.
func (s *Store) vacuumAfterRetention(ctx context.Context) (bool, error) {
	if s.dialect == postgresDialect {
		var owner bool
		err := s.db.QueryRowContext(ctx, `SELECT pg_has_role(current_user, tableowner, 'USAGE')
			FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'audit_log'`).Scan(&owner)
		if err != nil || !owner {
			return false, serverError(err)
		}
		if _, err := s.db.ExecContext(ctx, `VACUUM FULL children, child_categories, coverage_cases, audit_log`); err != nil {
			return false, serverError(err)
		}
		return true, nil
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM`); err != nil {
		return false, diskFull(err)
	}
	var busy, frames, done int
	if err := s.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &frames, &done); err != nil {
		return false, fmt.Errorf("checkpoint: %w", err)
	}
	return busy == 0, nil
}
