package data_test

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/mektepkezhol/app/data"
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
