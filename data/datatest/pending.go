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
	driver, query := "sqlite3", `UPDATE distributions SET approved_by = '', approved_at = NULL WHERE id = ?`
	if st.OnServer() {
		driver, query = "pgx", `UPDATE distributions SET approved_by = '', approved_at = NULL WHERE id = $1`
	}
	db, err := sql.Open(driver, st.Path())
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	for _, id := range ids {
		if _, err := db.Exec(query, id); err != nil {
			tb.Fatalf("make distribution #%d pending: %v", id, err)
		}
	}
}
