package data_test

import (
	"context"
	"errors"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
// give its password (datatest.LoginRole). No password and a wrong one are
// refused as auth failures; the right one is let in.
func TestWrongPasswordOnServer(t *testing.T) {
	dsn := datatest.LoginRole(t, "right-Pass1")
	_, noPass := data.Open(dsn)
	if !data.IsAuthFailure(noPass) || data.IsUnreachable(noPass) {
		t.Fatalf("no password: %v (auth failure=%v)", noPass, data.IsAuthFailure(noPass))
	}
	_, err := data.Open(data.WithPassword(dsn, "wrong-Pass"))
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
		if u, _ := url.Parse(dsn); st.Actor() != u.User.Username() {
			t.Fatalf("actor=%q, want %q", st.Actor(), u.User.Username())
		}
	}
}
