package datatest

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// Dump lists every row of every table of the store, read from a backup of
// it (a server's rows are backed up into a SQLite file too), leaving out
// the tables named in skip.
func Dump(tb testing.TB, st *data.Store, skip ...string) string {
	tb.Helper()
	if st.OnServer() {
		// a server's backup is a new file, its migrations stamped now
		skip = append(skip, "schema_migrations")
	}
	path := filepath.Join(tb.TempDir(), "dump.db")
	if err := st.Backup(context.Background(), path); err != nil {
		tb.Fatal(err)
	}
	return DumpFile(tb, path, skip...)
}

// DumpFile lists every row of every table of a SQLite file in order, as
// text, leaving out the tables named in skip.
func DumpFile(tb testing.TB, path string, skip ...string) string {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(path)+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		tb.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			tb.Fatal(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, t := range tables {
		if contains(skip, t) {
			continue
		}
		where := ""
		if t == "audit_log" {
			// access records say who read what, and a dump is made by
			// reading (a backup): they are no part of the data compared
			where = ` WHERE action <> 'access'`
		}
		rows, err := db.Query(`SELECT * FROM "` + t + `"` + where + ` ORDER BY 1, 2`)
		if err != nil {
			tb.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				tb.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %v\n", t, vals)
		}
		rows.Close()
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
