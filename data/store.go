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
	"math/rand/v2"
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
	db      *sql.DB
	rdb     *sql.DB // a SQLite file's read transactions; nil on a server
	path    string
	actor   string
	dialect dialect
	dsn     string // a server's URL as given, password included: in memory only
	role    Role   // on a server; a SQLite file's user is its admin
	schema  string // on a server: the office's schema
	// serverAudit: the server's triggers keep the audit (audit_pg.sql)
	serverAudit bool

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

// Open opens (creating if needed) the database at path, or connects to the
// PostgreSQL server a postgres:// URL names, and brings its schema up to
// date. A database written by a newer version of the app is refused.
func Open(path string) (*Store, error) {
	if IsServer(path) {
		return openPostgres(path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create folder for %s: %w", path, err)
	}
	// Children's data is personal data: the file is the user's alone.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err // names the path once: «open PATH: permission denied»
	}
	f.Close()

	// Writes begin IMMEDIATE, so that two never deadlock upgrading a read
	// lock; reads are a second pool of plain deferred transactions, which
	// under WAL never wait for a writer.
	const options = "_busy_timeout=10000&_cache_size=-65536&_stmt_cache_size=64"
	db, err := sql.Open("sqlite3", sqliteURI(path, options+"&_foreign_keys=on&_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate"))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	rdb, err := sql.Open("sqlite3", sqliteURI(path, options+"&_txlock=deferred"))
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Each connection keeps a page cache of up to 64 MB: a pool keeps one
	// idle connection, not database/sql's two, so that the caches of the
	// connections a burst of loads opened go with them (the GUI's RSS on a
	// region's file was over 400 MB with four warm caches).
	db.SetMaxIdleConns(1)
	rdb.SetMaxIdleConns(1)
	s := &Store{db: db, rdb: rdb, path: path, actor: osUser(), Now: time.Now}
	if err := limitSQLiteHeap(context.Background(), db); err != nil { // data/memory.go
		s.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := s.migrate(context.Background()); err != nil {
		s.Close()
		var se sqlite3.Error
		if errors.As(err, &se) && se.Code == sqlite3.ErrReadonly {
			// SQLite keeps its -wal and -shm files beside the database
			return nil, fmt.Errorf("%s: %w: %v", path, ErrReadOnlyFolder, err)
		}
		return nil, err
	}
	return s, nil
}

// ErrReadOnlyFolder means the database's folder (or file) may not be
// written: SQLite needs to create its -wal and -shm files beside it.
var ErrReadOnlyFolder = errors.New("the database's folder or file is read-only: SQLite writes its -wal and -shm files beside the database; give write access or copy the database to a writable folder")

// sqliteURI makes SQLite's URI of a file path with options: a %, ? or # in
// the path is escaped, so that none of them ends the path early (a «#» once
// wrote an office's database to a file cut short at it).
func sqliteURI(path, options string) string {
	escape := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23")
	return "file:" + escape.Replace(path) + "?" + options
}

// Close closes the database.
func (s *Store) Close() error {
	if s.rdb != nil {
		s.rdb.Close()
	}
	return s.db.Close()
}

// Path returns the database file's path, or the server's URL without its
// password.
func (s *Store) Path() string { return s.path }

// Actor is who the store records as making the changes: the OS user with a
// SQLite file, the database user on a server.
func (s *Store) Actor() string { return s.actor }

// OnServer tells whether the store is a PostgreSQL server's.
func (s *Store) OnServer() bool { return s.dialect == postgresDialect }

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
	if err := s.createMigrationsTable(ctx); err != nil {
		return fmt.Errorf("prepare migrations: %w", err)
	}
	current, err := s.Version(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	bodies, versions, err := migrations()
	if err != nil {
		return err
	}
	if latest := SchemaVersion(); current > latest {
		return fmt.Errorf("%s: schema %d, this app knows up to %d: %w", s.path, current, latest, ErrNewerSchema)
	}
	applied, err := s.appliedMigrations(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	for _, v := range versions {
		// every migration not yet applied, not only those above the
		// highest: a database made by a build with a later one alone
		// still gets the earlier ones
		if applied[v] {
			continue
		}
		if err := s.applyMigration(ctx, v, bodies[v]); err != nil {
			return err
		}
	}
	// what SQL cannot do: the children's sort keys (0008)
	return s.fillSortKeys(ctx)
}

func (s *Store) createMigrationsTable(ctx context.Context) error {
	if s.dialect == postgresDialect {
		// A clerk may not create tables: look before creating.
		var exists bool
		err := s.db.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists)
		if err != nil || exists {
			return err
		}
	}
	_, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`)
	return err
}

// applyMigration applies one migration in its own transaction, unless
// another app applied it meanwhile (several clerks may start at once).
func (s *Store) applyMigration(ctx context.Context, version int, body string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if s.dialect == postgresDialect {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(20190930)`); err != nil {
			return fmt.Errorf("migration %04d: %w", version, err)
		}
		body = pgSchema(body)
	}
	var done int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, version).Scan(&done); err != nil {
		return fmt.Errorf("migration %04d: %w", version, err)
	}
	if done > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return fmt.Errorf("migration %04d: %w", version, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		version, s.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("record migration %04d: %w", version, err)
	}
	return tx.Commit()
}

// appliedMigrations lists the versions recorded in the database.
func (s *Store) appliedMigrations(ctx context.Context) (map[int]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	applied := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		applied[v] = true
	}
	return applied, rows.Err()
}

// Version returns the schema version recorded in the database.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// inTx runs fn in one transaction, committing only if fn succeeds. On a
// server the transaction is serializable, as SQLite's are: when two clerks'
// transactions collide the server rolls one back and it is run again.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.dialect == sqliteDialect {
		return s.sqliteTx(ctx, s.db, fn)
	}
	return s.serializable(ctx, s.db, fn)
}

// sqliteTx runs fn in one SQLite transaction on db. Waiting for the write
// lock gives up after busy_timeout; under a long run of other apps' writes
// (SQLite's waiting is not fair) it is tried twice more before the clerk
// is told.
func (s *Store) sqliteTx(ctx context.Context, db txBeginner, fn func(tx *sql.Tx) error) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = s.tryTx(ctx, db, nil, fn); !errors.As(err, new(lockWait)) {
			break
		}
	}
	return diskFull(err)
}

// inBulkTx is inTx for a batch of many-row INSERTs on SQLite, whose
// statement journals are kept in memory (temp_store, set before the
// transaction begins, when SQLite decides it) instead of spilling to a
// temporary file past 64 KB: every INSERT into a table with triggers (the
// tallies, 0014) keeps one, and a chunk of 50 distributions touches some
// 2 MB of pages (100,000 distributions 3.9 → 2.5 s). A statement's journal
// holds at most the pages its chunk touches. Not for a transaction with
// one statement over a whole table (retention's scrub), whose journal
// would be that table.
func (s *Store) inBulkTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.dialect != sqliteDialect {
		return s.inTx(ctx, fn)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA temp_store = MEMORY`); err != nil {
		return err
	}
	defer conn.ExecContext(context.Background(), `PRAGMA temp_store = DEFAULT`)
	return s.sqliteTx(ctx, conn, fn)
}

// lockWait is a transaction that could not begin because another
// connection held SQLite's write lock past busy_timeout: nothing of it ran.
type lockWait struct{ err error }

func (e lockWait) Error() string { return "begin: " + e.err.Error() }
func (e lockWait) Unwrap() error { return e.err }

// inTxLocked runs fn like inTx once no other clerk's transaction holds the
// lock: the next number of a register must be read after the last one was
// committed, so on a server the lock is taken before the transaction (and
// its snapshot) begins. SQLite's write transactions wait for each other.
func (s *Store) inTxLocked(ctx context.Context, lock int64, fn func(tx *sql.Tx) error) error {
	if s.dialect == sqliteDialect {
		return s.inTx(ctx, fn)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return serverError(err)
	}
	defer conn.Close()
	// unlocked whatever the lock's answer: a lock granted as its context
	// ended stays with the connection, which goes back to the pool
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(?)`, lock)
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(?)`, lock); err != nil {
		return serverError(err)
	}
	return s.serializable(ctx, conn, fn)
}

type txBeginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

func (s *Store) serializable(ctx context.Context, db txBeginner, fn func(tx *sql.Tx) error) error {
	var err error
	for attempt := 0; attempt < 30; attempt++ {
		err = s.tryTx(ctx, db, &sql.TxOptions{Isolation: sql.LevelSerializable}, fn)
		if !retryable(err, attempt) {
			break
		}
		// Back off twice as long each time (5 ms up to 200 ms) and by a
		// random part more, so as not to meet the clerk whose transaction
		// won in step again: under a writer that never pauses, ten quick
		// tries were once all lost (the reliability test).
		pause := min(5*time.Millisecond<<attempt, 200*time.Millisecond)
		pause += time.Duration(rand.Int64N(int64(pause)))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
	}
	return serverError(ended(ctx, err))
}

// EnvTxReplay names the environment variable that, set to 1, makes every
// write transaction's closure run once, roll back as if the server had
// refused it, and run again: the tests prove each closure safe to retry.
const EnvTxReplay = "MEKTEPKEZHOL_TX_REPLAY"

func (s *Store) tryTx(ctx context.Context, db txBeginner, opts *sql.TxOptions, fn func(tx *sql.Tx) error) error {
	if os.Getenv(EnvTxReplay) == "1" {
		if err := s.runTx(ctx, db, opts, fn, false); err != nil {
			return err
		}
	}
	return s.runTx(ctx, db, opts, fn, true)
}

// runTx runs fn in one transaction and commits it, or (commit false) rolls
// it back once fn is done, as a refused transaction is.
func (s *Store) runTx(ctx context.Context, db txBeginner, opts *sql.TxOptions, fn func(tx *sql.Tx) error, commit bool) error {
	tx, err := db.BeginTx(ctx, opts)
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrBusy {
		return lockWait{err}
	}
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if !commit {
		return tx.Rollback()
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// readTx begins a read-only transaction that sees one snapshot of the data,
// for reports that read many tables.
func (s *Store) readTx(ctx context.Context) (*sql.Tx, error) {
	opts := sql.TxOptions{ReadOnly: true}
	if s.dialect == postgresDialect {
		opts.Isolation = sql.LevelRepeatableRead
	}
	if s.rdb != nil {
		return s.rdb.BeginTx(ctx, &opts)
	}
	return s.db.BeginTx(ctx, &opts)
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

// mapConstraint turns constraint violations into ErrConflict.
func mapConstraint(err error) error {
	if pgCode(err) != "" {
		return serverError(err)
	}
	if refused(err) {
		return fmt.Errorf("%w: %v", ErrConflict, err)
	}
	return err
}

// marks is n placeholders for a statement's values, "?, ?, ?".
func marks(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// refused tells whether SQLite refused a statement for a constraint: the
// statement is undone and the transaction goes on.
func refused(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrConstraint
}
