package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// The store speaks one portable SQL: SQLite's, with `?` placeholders,
// INSERT … RETURNING and ON CONFLICT. For PostgreSQL a small dialect layer
// rewrites the placeholders of every statement (in the driver, below) and
// the few SQLite-only words of the migrations (pgSchema).

type dialect int

const (
	sqliteDialect dialect = iota
	postgresDialect
)

// IsServer tells a PostgreSQL connection URL (postgres://…) from the path of
// a local SQLite file.
func IsServer(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// openPostgres connects to the server named by the URL. A search_path
// parameter names the office's own schema (created when missing), so one
// regional database can hold several offices.
func openPostgres(dsn string) (*Store, error) {
	cfg, err := serverConfig(dsn)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(pgConnector{stdlib.GetConnector(*cfg)})
	db.SetMaxIdleConns(4)
	s := &Store{db: db, path: RedactURL(dsn), dsn: dsn, dialect: postgresDialect, Now: time.Now}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := db.QueryRowContext(ctx, `SELECT session_user`).Scan(&s.actor); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", s.path, serverError(connectError(err)))
	}
	if schema := firstSchema(cfg.RuntimeParams["search_path"]); schema != "" {
		if err := s.ensureSchema(ctx, schema); err != nil {
			db.Close()
			return nil, err
		}
	}
	if err := s.setUp(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// setUp finds the office's schema, brings it up to date, grants the
// office's roles their rights and finds the user's role.
func (s *Store) setUp(ctx context.Context) error {
	schema := func() error {
		return s.db.QueryRowContext(ctx, `SELECT COALESCE(current_schema(), '')`).Scan(&s.schema)
	}
	if err := schema(); err != nil {
		return fmt.Errorf("%s: %w", s.path, serverError(err))
	}
	if err := s.migrate(ctx); err != nil {
		return serverError(err)
	}
	if s.schema == "" {
		// The first migration created it ($user's).
		if err := schema(); err != nil {
			return serverError(err)
		}
	}
	if err := s.grantRoles(ctx); err != nil {
		return err
	}
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_trigger
		WHERE tgname = 'mkzh_audit' AND tgrelid = to_regclass('children'))`).Scan(&s.serverAudit)
	if err != nil {
		return fmt.Errorf("find the server's audit: %w", serverError(err))
	}
	s.role, err = s.detectRole(ctx)
	return err
}

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
	return cfg, nil
}

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

func firstSchema(searchPath string) string {
	first := strings.TrimSpace(strings.Split(searchPath, ",")[0])
	return strings.Trim(first, `"`)
}

var schemaName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

func (s *Store) ensureSchema(ctx context.Context, schema string) error {
	if !schemaName.MatchString(schema) {
		return fmt.Errorf("schema %q: use lower-case latin letters, digits and _", schema)
	}
	var exists bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)`, schema).Scan(&exists); err != nil {
		return serverError(err)
	}
	if exists {
		return nil
	}
	if _, err := s.db.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		return fmt.Errorf("create schema %s: %w", schema, serverError(err))
	}
	return nil
}

// pgSchema rewrites a migration's SQLite-only words for PostgreSQL.
func pgSchema(body string) string {
	r := strings.NewReplacer(
		"INTEGER PRIMARY KEY,", "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,",
		") WITHOUT ROWID;", ");",
		" COLLATE NOCASE", "",
	)
	return r.Replace(body)
}

// pgConnector hands out connections that rebind the store's `?`
// placeholders to PostgreSQL's $1, $2, ….
type pgConnector struct{ driver.Connector }

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &pgConn{conn.(*stdlib.Conn)}, nil
}

type pgConn struct{ *stdlib.Conn }

func (c *pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(context.Background(), rebind(query))
}

func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, rebind(query))
}

func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, rebind(query), args)
}

func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, rebind(query), args)
}

// CheckNamedValue stores booleans as 0 and 1, as SQLite does: the schema's
// flags are integer columns in both dialects.
func (c *pgConn) CheckNamedValue(nv *driver.NamedValue) error {
	if b, ok := nv.Value.(bool); ok {
		nv.Value = int64(0)
		if b {
			nv.Value = int64(1)
		}
	}
	return c.Conn.CheckNamedValue(nv)
}

// insertRow runs the INSERT of one row and sets id to the new row's id,
// each dialect the fastest way it has: SQLite tells it after the insert
// (RETURNING through a result set costs SQLite twice the time), PostgreSQL
// returns it.
func (s *Store) insertRow(ctx context.Context, tx *sql.Tx, id *int64, query string, args ...any) error {
	if s.dialect == postgresDialect {
		return tx.QueryRowContext(ctx, query+" RETURNING id", args...).Scan(id)
	}
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	*id, err = res.LastInsertId()
	return err
}

// prepareInsert prepares the INSERT of one row for insertPrepared, for
// many rows in one transaction.
func (s *Store) prepareInsert(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	if s.dialect == postgresDialect {
		query += " RETURNING id"
	}
	return tx.PrepareContext(ctx, query)
}

// insertPrepared runs a statement of prepareInsert, as insertRow does.
func (s *Store) insertPrepared(ctx context.Context, stmt *sql.Stmt, id *int64, args ...any) error {
	if s.dialect == postgresDialect {
		return stmt.QueryRowContext(ctx, args...).Scan(id)
	}
	res, err := stmt.ExecContext(ctx, args...)
	if err != nil {
		return err
	}
	*id, err = res.LastInsertId()
	return err
}

var rebound sync.Map // query → rebound query

// rebind turns `?` and `?N` placeholders outside quotes into $N.
func rebind(query string) string {
	if q, ok := rebound.Load(query); ok {
		return q.(string)
	}
	var b strings.Builder
	n := 0
	var quote byte
	for i := 0; i < len(query); i++ {
		ch := query[i]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '\'' || ch == '"':
			quote = ch
		case ch == '-' && strings.HasPrefix(query[i:], "--"):
			end := strings.IndexByte(query[i:], '\n')
			if end < 0 {
				end = len(query) - i
			}
			b.WriteString(query[i : i+end])
			i += end - 1
			continue
		case ch == '?':
			j := i + 1
			for j < len(query) && query[j] >= '0' && query[j] <= '9' {
				j++
			}
			if j > i+1 {
				b.WriteString("$" + query[i+1:j])
				i = j - 1
				continue
			}
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(ch)
	}
	q := b.String()
	rebound.Store(query, q)
	return q
}

// numbersLock names the lock of a campaign's register (appeals, letters)
// that hands out the next number.
func numbersLock(register string, campaignID int64) int64 {
	return int64(len(register))<<32 | campaignID
}

// PostgreSQL's error classes the store tells the user about.
const (
	pgIntegrity     = "23" // unique, foreign key, check
	pgUnique        = "23505"
	pgNoPrivilege   = "42501" // insufficient_privilege
	pgSerialization = "40001"
	pgDeadlock      = "40P01"
	pgDiskFull      = "53100"
)

func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// serverError marks the server's refusals with the store's errors.
func serverError(err error) error {
	switch code := pgCode(err); {
	case code == "":
		return err
	case code == pgNoPrivilege:
		return fmt.Errorf("%w: %w", ErrForbidden, err)
	case code == pgDiskFull:
		return fmt.Errorf("%w: %w", ErrDiskFull, err)
	case strings.HasPrefix(code, pgIntegrity):
		return fmt.Errorf("%w: %w", ErrConflict, err)
	}
	return err
}

// retryable tells a transaction the server rolled back to keep two clerks'
// writes serializable; it is run again. A unique key taken by another
// clerk's transaction meanwhile (the next appeal or letter number) is tried
// again a few times too: a real duplicate fails the same way each time.
func retryable(err error, attempt int) bool {
	switch pgCode(err) {
	case pgSerialization, pgDeadlock:
		return true
	case pgUnique:
		return attempt < 3
	}
	return false
}
