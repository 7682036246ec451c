package data

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
)

// serverConfig reads a server URL. Without an sslmode (in the URL or
// $PGSSLMODE) the connection must be encrypted unless the server is on
// this computer: children's data does not cross the office's network in
// clear. A URL that does not parse is never repeated whole: its password
// would be in the message.
func serverConfig(dsn string) (*pgx.ConnConfig, error) {
	u, err := url.Parse(dsn)
	if err != nil || u.Fragment != "" || strings.ContainsAny(dsn, " \t") {
		return nil, fmt.Errorf("%s: %w", RedactURL(dsn), ErrBadURL)
	}
	q := u.Query()
	if !q.Has("sslmode") && os.Getenv("PGSSLMODE") == "" && !loopback(u.Hostname(), q.Get("host")) {
		q.Set("sslmode", "require")
		u.RawQuery = q.Encode()
		dsn = u.String()
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", RedactURL(dsn), ErrBadURL)
	}
	cfg.BuildContextWatcherHandler = cancelOnServer
	return cfg, nil
}

// cancelOnServer has a query whose context ends (the clerk typed on, or
// pressed Cancel) cancelled by the server, over a connection of its own,
// and keeps the query's connection. pgx's default closes the connection
// instead: each key of a search that cancels the one before cost the next
// query a new connection, 30–40 ms on loopback. A server that does not
// answer the cancel within cancelWait loses the connection as before.
func cancelOnServer(c *pgconn.PgConn) ctxwatch.Handler {
	return &pgconn.CancelRequestContextWatcherHandler{Conn: c, DeadlineDelay: cancelWait}
}

const cancelWait = 3 * time.Second

// ErrBadURL is a server URL the app cannot read.
var ErrBadURL = errors.New("not a valid postgres:// URL: a password with special characters (# % @ / space) is typed at the prompt, not written into the URL")

// loopback tells a server on this computer: a loopback address, localhost
// or a Unix socket.
func loopback(host, hostParam string) bool {
	if host == "" {
		host = hostParam
	}
	if host == "" || host == "localhost" || strings.HasPrefix(host, "/") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// connectError keeps, of the failed tries to connect, the server's own
// answer when there is one (a wrong password), not that of the first try
// (the TLS the server refused under sslmode=prefer).
func connectError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe
	}
	return err
}

var passwordParam = regexp.MustCompile(`(?i)([?&]password=)[^&]*`)

// RedactURL hides the password of a connection URL, for titles and logs,
// also of a URL that does not parse (a # or a space in the password).
func RedactURL(dsn string) string {
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return dsn // a file's path
	}
	// The user's part ends at the last @: a password may hold @ / # ?.
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		user, _, hasPassword := strings.Cut(rest[:at], ":")
		switch {
		case hasPassword:
			rest = user + ":xxxxx" + rest[at:]
		case strings.ContainsAny(user, "/?#% "):
			rest = "xxxxx" + rest[at:]
		}
	}
	return scheme + "://" + passwordParam.ReplaceAllString(rest, "${1}xxxxx")
}
