package data_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// tempConfig points the user config folder at a temp folder and clears
// $MEKTEPKEZHOL_DB, returning the folder.
func tempConfig(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, ".config"))
	t.Setenv(data.EnvDB, "")
	return filepath.Join(dir, ".config")
}

func TestResolveDSN(t *testing.T) {
	config := tempConfig(t)
	local := filepath.Join(config, "MektepkeZhol", "mektepkezhol.db")
	server := "postgres://aigul@db.kargoo.kz:5432/mektep?search_path=karaganda"
	tests := []struct {
		name, flag, env, saved, want string
	}{
		{"nothing chosen: the local file", "", "", "", local},
		{"connection.json names a server", "", "", server, server},
		{"the environment beats connection.json", "", "/srv/office.db", server, "/srv/office.db"},
		{"the flag beats everything", "postgres://u@h/d", "/srv/office.db", server, "postgres://u@h/d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(data.EnvDB, tt.env)
			if err := data.SaveConnection(data.Connection{Server: tt.saved}); err != nil {
				t.Fatal(err)
			}
			got, err := data.ResolveDSN(tt.flag)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("ResolveDSN(%q)=%q, want %q", tt.flag, got, tt.want)
			}
		})
	}
	def, err := data.DefaultPath()
	if err != nil || def != local {
		t.Fatalf("DefaultPath()=%q, %v; want %q", def, err, local)
	}
}

func TestSaveConnectionKeepsNoPassword(t *testing.T) {
	config := tempConfig(t)
	if err := data.SaveConnection(data.Connection{Server: "postgres://aigul:s3cret-Pass@db:5432/mektep?search_path=office", Language: "ru"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(config, "MektepkeZhol", "connection.json")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("connection.json is %v, want 0600", fi.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "s3cret") {
		t.Fatalf("connection.json holds the password:\n%s", b)
	}
	c, err := data.LoadConnection()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Server, "postgres://aigul@db:5432/mektep?search_path=office"; got != want {
		t.Fatalf("server=%q, want %q", got, want)
	}
	if c.Language != "ru" {
		t.Fatalf("language=%q, want ru", c.Language)
	}
	// a password written in by hand is not used either
	hand := `{"server": "postgres://aigul:typed-by-hand@db/mektep"}`
	if err := os.WriteFile(path, []byte(hand), 0o600); err != nil {
		t.Fatal(err)
	}
	if dsn, _ := data.ResolveDSN(""); data.HasPassword(dsn) {
		t.Fatalf("ResolveDSN used the file's password: %q", dsn)
	}
}

func TestLoadConnectionRefusesNonsense(t *testing.T) {
	config := tempConfig(t)
	path := filepath.Join(config, "MektepkeZhol", "connection.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{`{"server": "mysql://h/d"}`, `{"server": `} {
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := data.ResolveDSN(""); err == nil {
			t.Fatalf("connection.json %s was accepted", body)
		}
	}
	if err := data.SaveConnection(data.Connection{Server: "/home/u/office.db"}); err == nil {
		t.Fatal("a file path was saved as the server")
	}
}

func TestServerAddressRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		addr data.ServerAddress
		url  string
	}{
		{"all fields", data.ServerAddress{Host: "10.0.0.5", Port: 5433, Database: "mektep", Schema: "karaganda", User: "aigul"},
			"postgres://aigul@10.0.0.5:5433/mektep?search_path=karaganda"},
		{"default port, no schema", data.ServerAddress{Host: "db.local", Database: "mektep", User: "bolat"},
			"postgres://bolat@db.local/mektep"},
		{"IPv6 host", data.ServerAddress{Host: "::1", Port: 5432, Database: "m", User: "u"},
			"postgres://u@[::1]:5432/m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.addr.URL(); got != tt.url {
				t.Fatalf("URL()=%q, want %q", got, tt.url)
			}
			back, err := data.ParseServerAddress(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if back != tt.addr {
				t.Fatalf("ParseServerAddress=%+v, want %+v", back, tt.addr)
			}
		})
	}
	withPass := data.WithPassword("postgres://aigul@db/mektep?search_path=o", "p@ss:w/rd")
	if !data.HasPassword(withPass) || data.WithoutPassword(withPass) != "postgres://aigul@db/mektep?search_path=o" {
		t.Fatalf("password round trip: %q → %q", withPass, data.WithoutPassword(withPass))
	}
}

// TestConnectionErrors classifies real failed connections: a closed port
// is unreachable; a refused password is told by its SQLSTATE.
func TestConnectionErrors(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nobody listens there now
	_, err = data.Open("postgres://aigul@" + addr + "/mektep?connect_timeout=5")
	if err == nil {
		t.Fatal("connected to a closed port")
	}
	if !data.IsUnreachable(err) || data.IsAuthFailure(err) {
		t.Fatalf("closed port: unreachable=%v auth=%v for %v", data.IsUnreachable(err), data.IsAuthFailure(err), err)
	}
	refused := &pgconn.PgError{Code: "28P01", Message: `password authentication failed for user "aigul"`}
	if wrapped := errors.Join(errors.New("connect"), refused); !data.IsAuthFailure(wrapped) || data.IsUnreachable(wrapped) {
		t.Fatalf("28P01: auth=%v unreachable=%v", data.IsAuthFailure(wrapped), data.IsUnreachable(wrapped))
	}
	if data.IsAuthFailure(context.Canceled) || data.IsUnreachable(nil) {
		t.Fatal("an unrelated error was classified")
	}
}

func TestServerAddressValidate(t *testing.T) {
	ok := data.ServerAddress{Host: "db", Port: 5432, Database: "mektep", Schema: "karaganda_2", User: "aigul"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		edit  func(*data.ServerAddress)
		field string
	}{
		{"no host", func(a *data.ServerAddress) { a.Host = " " }, "server_host"},
		{"port too big", func(a *data.ServerAddress) { a.Port = 70000 }, "server_port"},
		{"no database", func(a *data.ServerAddress) { a.Database = "" }, "server_database"},
		{"no user", func(a *data.ServerAddress) { a.User = "" }, "server_user"},
		{"schema in capitals", func(a *data.ServerAddress) { a.Schema = "Karaganda" }, "server_schema"},
		{"schema with a quote", func(a *data.ServerAddress) { a.Schema = `x"; DROP` }, "server_schema"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ok
			tt.edit(&a)
			var ve *data.ValidationError
			if err := a.Validate(); !errors.As(err, &ve) || ve.Field != tt.field {
				t.Fatalf("Validate()=%v, want a validation error of %s", err, tt.field)
			}
		})
	}
}

// TestWrongPasswordOnServer logs in to the test server as a role that must
// give its password: the throwaway server trusts everyone, so the test puts
// a password rule for that one role at the top of pg_hba.conf (restored at
// the end). No password and a wrong one are refused as auth failures; the
// right one is let in.
func TestWrongPasswordOnServer(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("no server: set " + datatest.EnvPG)
	}
	server := os.Getenv(datatest.EnvPG)
	db, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() }) // after the cleanups below
	var super bool
	if err := db.QueryRow(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`).Scan(&super); err != nil || !super {
		t.Skipf("the test server's user cannot change pg_hba.conf (superuser=%v, %v)", super, err)
	}
	role := fmt.Sprintf("mk_login_%d", os.Getpid())
	mustExec(t, db, `CREATE ROLE `+role+` LOGIN PASSWORD 'right-Pass1'`)
	mustExec(t, db, `CREATE SCHEMA `+role+` AUTHORIZATION `+role)
	t.Cleanup(func() {
		mustExec(t, db, `DROP OWNED BY `+role+` CASCADE`)
		mustExec(t, db, `DROP ROLE `+role)
	})
	var hba, orig string
	if err := db.QueryRow(`SELECT current_setting('hba_file'), pg_read_file(current_setting('hba_file'))`).Scan(&hba, &orig); err != nil {
		t.Fatal(err)
	}
	writeHBA(t, db, hba, "host all "+role+" 127.0.0.1/32 scram-sha-256\nhost all "+role+" ::1/128 scram-sha-256\n"+orig)
	t.Cleanup(func() { writeHBA(t, db, hba, orig) })

	u, _ := url.Parse(server)
	u.User = url.User(role)
	q := u.Query()
	q.Set("search_path", role)
	u.RawQuery = q.Encode()
	dsn := u.String()
	var noPass error
	for i := 0; i < 50; i++ { // the server reloads pg_hba.conf shortly after being told
		st, err := data.Open(dsn)
		if err != nil {
			noPass = err
			break
		}
		st.Close()
		time.Sleep(100 * time.Millisecond)
	}
	if !data.IsAuthFailure(noPass) || data.IsUnreachable(noPass) {
		t.Fatalf("no password: %v (auth failure=%v)", noPass, data.IsAuthFailure(noPass))
	}
	_, err = data.Open(data.WithPassword(dsn, "wrong-Pass"))
	if !data.IsAuthFailure(err) {
		t.Fatalf("wrong password: %v, want an auth failure", err)
	}
	if strings.Contains(err.Error(), "wrong-Pass") {
		t.Fatalf("the error shows the password: %v", err)
	}
	// the right password gets past the server's door; what the new role
	// may then do in the schema is the roles' business, not the login's
	st, err := data.Open(data.WithPassword(dsn, "right-Pass1"))
	if err != nil && (data.IsAuthFailure(err) || data.IsUnreachable(err)) {
		t.Fatalf("right password: %v", err)
	}
	if err == nil {
		defer st.Close()
		if st.Actor() != role {
			t.Fatalf("actor=%q, want %q", st.Actor(), role)
		}
	}
}

func mustExec(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// writeHBA writes pg_hba.conf through the server (COPY … TO a file, as a
// superuser may) and has it reloaded. Blank lines are left out: CSV would
// quote them.
func writeHBA(t *testing.T, db *sql.DB, path, body string) {
	t.Helper()
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	literal := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	for i, l := range lines {
		lines[i] = literal(l)
	}
	// COPY takes no parameters: the lines are literals
	mustExec(t, db, `COPY (SELECT unnest(ARRAY[`+strings.Join(lines, ", ")+`]::text[])) TO `+literal(path)+
		` WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')`)
	mustExec(t, db, `SELECT pg_reload_conf()`)
}
