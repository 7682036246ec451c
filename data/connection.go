package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// Connection is this computer's choice of database, kept outside the
// database (it says where the database is) in connection.json beside the
// local file. It never holds a password: the clerk types it at each start.
type Connection struct {
	// Server is a postgres:// URL without a password; empty for the
	// local file.
	Server string `json:"server,omitempty"`
	// Language is the clerk's language (kk or ru) when the choice was
	// saved, for the login window shown before the database is open.
	Language string `json:"language,omitempty"`
}

// ConnectionPath returns <user config dir>/MektepkeZhol/connection.json.
func ConnectionPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user config folder: %w", err)
	}
	return filepath.Join(dir, "MektepkeZhol", "connection.json"), nil
}

// LoadConnection reads connection.json; a missing file is the local file.
// A password someone wrote into the file by hand is dropped, not used.
func LoadConnection() (Connection, error) {
	var c Connection
	path, err := ConnectionPath()
	if err != nil {
		return c, err
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return Connection{}, fmt.Errorf("read %s: %w", path, err)
	}
	if c.Server != "" && !IsServer(c.Server) {
		return Connection{}, fmt.Errorf("%s: server %q is not a postgres:// URL", path, c.Server)
	}
	c.Server = WithoutPassword(c.Server)
	return c, nil
}

// SaveConnection writes c to connection.json, readable by the user alone,
// without the server URL's password.
func SaveConnection(c Connection) error {
	if c.Server != "" && !IsServer(c.Server) {
		return fmt.Errorf("server %q is not a postgres:// URL", c.Server)
	}
	c.Server = WithoutPassword(c.Server)
	path, err := ConnectionPath()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create folder for %s: %w", path, err)
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	// Written aside and renamed, so a crash never leaves half a file that
	// would stop the next start.
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// ResolveDSN says which database the app opens: the --db flag, else
// $MEKTEPKEZHOL_DB, else the server of connection.json, else the local file
// in the user config folder.
func ResolveDSN(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := os.Getenv(EnvDB); env != "" {
		return env, nil
	}
	c, err := LoadConnection()
	if err != nil {
		return "", err
	}
	if c.Server != "" {
		return c.Server, nil
	}
	return DefaultPath()
}

// LocalPath returns the local file to work with when the server is not
// used: DefaultPath, or the file in the user config folder when
// $MEKTEPKEZHOL_DB names a server.
func LocalPath() (string, error) {
	p, err := DefaultPath()
	if err != nil || !IsServer(p) {
		return p, err
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user config folder: %w", err)
	}
	return filepath.Join(dir, "MektepkeZhol", "mektepkezhol.db"), nil
}

// ServerAddress is a server URL taken apart into the settings' fields.
type ServerAddress struct {
	Host     string
	Port     int // 0: PostgreSQL's 5432
	Database string
	Schema   string // the office's schema; empty: the user's default
	User     string
}

// URL puts the address together as a postgres:// URL without a password.
func (a ServerAddress) URL() string {
	host := strings.TrimSpace(a.Host)
	if a.Port != 0 {
		host = net.JoinHostPort(host, strconv.Itoa(a.Port))
	}
	u := url.URL{Scheme: "postgres", Host: host, Path: "/" + strings.TrimSpace(a.Database)}
	if user := strings.TrimSpace(a.User); user != "" {
		u.User = url.User(user)
	}
	if schema := strings.TrimSpace(a.Schema); schema != "" {
		u.RawQuery = url.Values{"search_path": {schema}}.Encode()
	}
	return u.String()
}

// Validate checks the address as the settings' form fills it: host,
// database and user given, a port PostgreSQL can listen on, a schema name
// the store can create.
func (a ServerAddress) Validate() error {
	switch {
	case strings.TrimSpace(a.Host) == "":
		return invalid("server_host", "", "err.required")
	case a.Port < 0 || a.Port > 65535:
		return invalid("server_port", strconv.Itoa(a.Port), "err.server.port")
	case strings.TrimSpace(a.Database) == "":
		return invalid("server_database", "", "err.required")
	case strings.TrimSpace(a.User) == "":
		return invalid("server_user", "", "err.required")
	}
	if s := strings.TrimSpace(a.Schema); s != "" && !schemaName.MatchString(s) {
		return invalid("server_schema", s, "err.server.schema")
	}
	return nil
}

// ParseServerAddress takes a postgres:// URL apart.
func ParseServerAddress(dsn string) (ServerAddress, error) {
	var a ServerAddress
	if !IsServer(dsn) {
		return a, fmt.Errorf("%q is not a postgres:// URL", dsn)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return a, fmt.Errorf("%s: %w", RedactURL(dsn), ErrBadURL)
	}
	a.Host = u.Hostname()
	if p := u.Port(); p != "" {
		if a.Port, err = strconv.Atoi(p); err != nil {
			return a, fmt.Errorf("%s: port %q", RedactURL(dsn), p)
		}
	}
	a.Database = strings.TrimPrefix(u.Path, "/")
	a.Schema = firstSchema(u.Query().Get("search_path"))
	a.User = u.User.Username()
	return a, nil
}

// WithPassword returns the server URL with password put in; the result
// lives in memory only.
func WithPassword(dsn, password string) string {
	u, err := url.Parse(dsn)
	if err != nil || !IsServer(dsn) {
		return dsn
	}
	name := ""
	if u.User != nil {
		name = u.User.Username()
	}
	u.User = url.UserPassword(name, password)
	return u.String()
}

// WithoutPassword returns the server URL with its password taken out.
func WithoutPassword(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil || !IsServer(dsn) {
		return dsn
	}
	if _, ok := u.User.Password(); !ok {
		return dsn
	}
	u.User = url.User(u.User.Username())
	return u.String()
}

// HasPassword tells whether the server URL carries a password.
func HasPassword(dsn string) bool {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return false
	}
	_, ok := u.User.Password()
	return ok
}

// IsAuthFailure tells an error of a server that refused the user name or
// password (SQLSTATE 28P01, 28000), or asked for a password none was given.
func IsAuthFailure(err error) bool {
	switch pgCode(err) {
	case "28P01", "28000":
		return true
	}
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "password authentication failed") || strings.Contains(msg, "no password supplied")
}

// IsUnreachable tells an error of a server that could not be reached: no
// such host, nobody listening on the port, no answer in time.
func IsUnreachable(err error) bool {
	if err == nil || pgCode(err) != "" {
		return false
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &ne)
}

// IsTLSRefused tells an error of a server that does not offer the TLS the
// connection requires (sslmode=require, the default off this computer).
func IsTLSRefused(err error) bool {
	return err != nil && pgCode(err) == "" && strings.Contains(err.Error(), "server refused TLS connection")
}
