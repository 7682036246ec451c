// Package datatest opens throwaway stores for tests: a SQLite file in the
// test's temp folder or, when MEKTEPKEZHOL_TEST_PG names a PostgreSQL server,
// a schema of its own on that server, dropped at the test's end. `make test`
// runs the store's tests both ways.
package datatest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to drop the schemas
	"github.com/mektepkezhol/app/data"
)

// EnvPG names the variable that holds the test server's URL.
const EnvPG = "MEKTEPKEZHOL_TEST_PG"

// OnServer tells whether the tests run against a PostgreSQL server.
func OnServer() bool { return os.Getenv(EnvPG) != "" }

var schemas atomic.Int64

// DSN returns where a new, empty database lives for this test: a file path,
// or a server URL whose search_path names a fresh schema.
func DSN(tb testing.TB) string {
	tb.Helper()
	server := os.Getenv(EnvPG)
	if server == "" {
		return filepath.Join(tb.TempDir(), "test.db")
	}
	u, err := url.Parse(server)
	if err != nil {
		tb.Fatalf("%s: %v", EnvPG, err)
	}
	schema := fmt.Sprintf("t%d_%d", os.Getpid(), schemas.Add(1))
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	tb.Cleanup(func() { drop(tb, server, schema) })
	return u.String()
}

// Open opens a new, empty store for this test, closed at the test's end.
func Open(tb testing.TB) *data.Store {
	tb.Helper()
	st, err := data.Open(DSN(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

func drop(tb testing.TB, server, schema string) {
	db, err := sql.Open("pgx", server)
	if err != nil {
		tb.Error(err)
		return
	}
	defer db.Close()
	if _, err := db.Exec(`DROP SCHEMA IF EXISTS ` + schema + ` CASCADE`); err != nil {
		tb.Errorf("drop test schema %s: %v", schema, err)
	}
}
