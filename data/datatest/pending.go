package datatest

import (
	"database/sql"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// Unapprove makes distributions pending again, as a clerk's are saved: a
// SQLite file's one user is its admin, whose distributions are approved at
// once, so tests of the head's approval start from these.
func Unapprove(tb testing.TB, st *data.Store, ids ...int64) {
	tb.Helper()
	db, pg := rawDB(tb, st)
	defer db.Close()
	query := `UPDATE distributions SET approved_by = '', approved_at = NULL WHERE id = ?`
	if pg {
		query = `UPDATE distributions SET approved_by = '', approved_at = NULL WHERE id = $1`
	}
	for _, id := range ids {
		if _, err := db.Exec(query, id); err != nil {
			tb.Fatalf("make distribution #%d pending: %v", id, err)
		}
	}
}

// rawDB opens the store's database beside the store, for what a test
// writes as no app would, and tells whether it is a server's.
func rawDB(tb testing.TB, st *data.Store) (*sql.DB, bool) {
	tb.Helper()
	driver := "sqlite3"
	if st.OnServer() {
		driver = "pgx"
	}
	db, err := sql.Open(driver, st.Path())
	if err != nil {
		tb.Fatal(err)
	}
	return db, st.OnServer()
}
