// Package data owns the campaign's data: the domain types, their validation
// rules, the SQLite schema and every SQL statement of the application.
package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// EnvDB names the environment variable that overrides the database path.
const EnvDB = "MEKTEPKEZHOL_DB"

// Store is the campaign database. All its methods are safe for concurrent use.
type Store struct {
	db    *sql.DB
	path  string
	actor string

	// Now tells the store what time it is; tests replace it.
	Now func() time.Time
}

// DefaultPath returns the database path: $MEKTEPKEZHOL_DB, or
// <user config dir>/MektepkeZhol/mektepkezhol.db.
func DefaultPath() (string, error) {
	if p := os.Getenv(EnvDB); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user config folder: %w", err)
	}
	return filepath.Join(dir, "MektepkeZhol", "mektepkezhol.db"), nil
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date. A database written by a newer version of the app is refused.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create folder for %s: %w", path, err)
	}
	// Children's data is personal data: the file is the user's alone.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	f.Close()

	dsn := "file:" + path + "?_foreign_keys=on&_journal_mode=WAL&_busy_timeout=10000&_synchronous=NORMAL&_txlock=immediate&_cache_size=-65536"
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, actor: osUser(), Now: time.Now}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return os.Getenv("USERNAME")
}

// migrations returns the embedded migrations ordered by their number.
func migrations() (map[int]string, []int, error) {
	files, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, nil, err
	}
	byVersion := map[int]string{}
	var versions []int
	for _, name := range files {
		base := filepath.Base(name)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, nil, fmt.Errorf("migration %s: bad number", base)
		}
		body, err := migrationFS.ReadFile(name)
		if err != nil {
			return nil, nil, err
		}
		byVersion[v] = string(body)
		versions = append(versions, v)
	}
	sort.Ints(versions)
	return byVersion, versions, nil
}

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int {
	_, versions, _ := migrations()
	if len(versions) == 0 {
		return 0
	}
	return versions[len(versions)-1]
}

// ErrNewerSchema is returned by Open for a database from a newer app.
var ErrNewerSchema = errors.New("the database was written by a newer version of the app")

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("prepare migrations: %w", err)
	}
	var current int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	bodies, versions, err := migrations()
	if err != nil {
		return err
	}
	if latest := SchemaVersion(); current > latest {
		return fmt.Errorf("%s: schema %d, this app knows up to %d: %w", s.path, current, latest, ErrNewerSchema)
	}
	for _, v := range versions {
		if v <= current {
			continue
		}
		if err := s.applyMigration(ctx, v, bodies[v]); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) applyMigration(ctx context.Context, version int, body string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return fmt.Errorf("migration %04d: %w", version, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		version, s.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("record migration %04d: %w", version, err)
	}
	return tx.Commit()
}

// Version returns the schema version recorded in the database.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// inTx runs fn in one transaction, committing only if fn succeeds.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return diskFull(err)
	}
	if err := tx.Commit(); err != nil {
		return diskFull(fmt.Errorf("commit: %w", err))
	}
	return nil
}

// diskFull marks errors of a full disk (or a file-size limit) with
// ErrDiskFull, so the user is told why and that nothing was saved.
func diskFull(err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	full := se.Code == sqlite3.ErrFull ||
		se.Code == sqlite3.ErrIoErr && (errors.Is(se.SystemErrno, syscall.ENOSPC) || errors.Is(se.SystemErrno, syscall.EFBIG))
	if full {
		return fmt.Errorf("%w: %v", ErrDiskFull, err)
	}
	return err
}

// mapConstraint turns SQLite constraint violations into ErrConflict.
func mapConstraint(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrConstraint {
		return fmt.Errorf("%w: %v", ErrConflict, err)
	}
	return err
}
