package datatest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var logins atomic.Int64

// LoginRole creates on the test server a login role that must give
// password, with a schema of its own, and returns its URL without the
// password. The throwaway server trusts everyone, so a password rule for
// that one role is put at the top of pg_hba.conf (written through the
// server, as a superuser may) and taken out at the test's end. The test is
// skipped without a server or when its user is no superuser.
func LoginRole(tb testing.TB, password string) string {
	tb.Helper()
	server := os.Getenv(EnvPG)
	if server == "" {
		tb.Skip("no server: set " + EnvPG)
	}
	db, err := sql.Open("pgx", server)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() }) // after the cleanups below
	var super bool
	if err := db.QueryRow(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`).Scan(&super); err != nil || !super {
		tb.Skipf("the test server's user cannot change pg_hba.conf (superuser=%v, %v)", super, err)
	}
	role := fmt.Sprintf("login%d_%d", os.Getpid(), logins.Add(1))
	exec(tb, db, `CREATE ROLE `+role+` LOGIN PASSWORD `+literal(password))
	exec(tb, db, `CREATE SCHEMA `+role+` AUTHORIZATION `+role)
	tb.Cleanup(func() {
		exec(tb, db, `DROP OWNED BY `+role+` CASCADE`)
		exec(tb, db, `DROP ROLE `+role)
	})
	var hba, orig string
	if err := db.QueryRow(`SELECT current_setting('hba_file'), pg_read_file(current_setting('hba_file'))`).Scan(&hba, &orig); err != nil {
		tb.Fatal(err)
	}
	writeHBA(tb, db, hba, "host all "+role+" 127.0.0.1/32 scram-sha-256\nhost all "+role+" ::1/128 scram-sha-256\n"+orig)
	tb.Cleanup(func() { writeHBA(tb, db, hba, orig) })

	u, err := url.Parse(server)
	if err != nil {
		tb.Fatal(err)
	}
	u.User = url.User(role)
	q := u.Query()
	q.Set("search_path", role)
	u.RawQuery = q.Encode()
	// the server reloads pg_hba.conf shortly after being told
	for i := 0; i < 50; i++ {
		try, err := sql.Open("pgx", u.String())
		if err != nil {
			tb.Fatal(err)
		}
		err = try.Ping()
		try.Close()
		if err != nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	return u.String()
}

func exec(tb testing.TB, db *sql.DB, query string) {
	tb.Helper()
	if _, err := db.Exec(query); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
}

func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// writeHBA writes pg_hba.conf through the server and has it reloaded.
// COPY takes no parameters, so the lines go in as literals; blank lines
// are left out, as CSV would quote them.
func writeHBA(tb testing.TB, db *sql.DB, path, body string) {
	tb.Helper()
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, literal(l))
		}
	}
	exec(tb, db, `COPY (SELECT unnest(ARRAY[`+strings.Join(lines, ", ")+`]::text[])) TO `+literal(path)+
		` WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')`)
	exec(tb, db, `SELECT pg_reload_conf()`)
}
