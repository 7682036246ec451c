package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// ErrInUse means the database is open in another program: a restore then
// would lose what that program writes.
var ErrInUse = errors.New("the database is open in another program: close it (the app, other clerks' windows) first")

// openUntrusted opens a file that may be hostile read-only, with one
// connection whose schema is not trusted: no trigger or view of the file
// may call an application function.
func openUntrusted(ctx context.Context, path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", sqliteURI(path, "mode=ro&_query_only=true"))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `PRAGMA trusted_schema = OFF`); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w: %v", path, ErrBadBackup, err)
	}
	return db, nil
}

// schemaOf lists a database's tables, indexes, triggers and views with
// their SQL, whitespace collapsed; SQLite's own objects are left out.
func schemaOf(ctx context.Context, db *sql.DB) (map[string]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT type, name, COALESCE(sql, '') FROM sqlite_master
		WHERE name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			return nil, err
		}
		out[typ+" "+name] = strings.Join(strings.Fields(text), " ")
	}
	return out, rows.Err()
}

// checkSchema compares the schema of the backup at path, brought up to
// this build's version in a scratch copy, with the one the migrations
// make: a table, index, trigger or view added, missing or changed is named.
func checkSchema(ctx context.Context, path string) error {
	dir, err := os.MkdirTemp("", "mektepkezhol-check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	want, err := migratedSchema(ctx, filepath.Join(dir, "reference.db"), "")
	if err != nil {
		return err
	}
	got, err := migratedSchema(ctx, filepath.Join(dir, "backup.db"), path)
	if err != nil {
		return err
	}
	var diff []string
	for k, sqlText := range got {
		if w, ok := want[k]; !ok {
			diff = append(diff, "unknown "+k)
		} else if w != sqlText {
			diff = append(diff, "changed "+k)
		}
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			diff = append(diff, "missing "+k)
		}
	}
	if len(diff) > 0 {
		sort.Strings(diff)
		return fmt.Errorf("the schema differs from this app's: %s", strings.Join(diff, ", "))
	}
	return nil
}

// migratedSchema copies src (none: an empty database) to dest, brings it
// up to date and reads its schema without trusting it.
func migratedSchema(ctx context.Context, dest, src string) (map[string]string, error) {
	if src != "" {
		if err := copyFile(src, dest); err != nil {
			return nil, err
		}
	}
	st, err := Open(dest)
	if err != nil {
		return nil, err
	}
	st.Close()
	db, err := openUntrusted(ctx, dest)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return schemaOf(ctx, db)
}

// Restore replaces the database at dbPath with the backup src after
// checking src; a compressed src (.gz) is decompressed first, an
// encrypted one is ErrEncryptedBackup (OpenBackup decrypts it). The current database, if any, is first kept as a dated
// copy beside it, whose path is returned; two restores never keep their
// copies under one name. No program may have dbPath open: the restore is
// refused with ErrInUse while one has.
func Restore(ctx context.Context, dbPath, src string, now time.Time) (kept string, err error) {
	if IsServer(dbPath) {
		return "", ErrRestoreOnServer
	}
	plain, done, err := OpenBackup(src, BackupKeys{})
	if err != nil {
		return "", err
	}
	defer done()
	if _, err := checkPlain(ctx, src, plain); err != nil {
		return "", err
	}
	tmp := dbPath + ".restore"
	if err := copyFile(plain, tmp); err != nil {
		return "", err
	}
	defer os.Remove(tmp) // nothing is left after the rename
	if _, err := os.Stat(dbPath); err == nil {
		lock, err := lockAlone(ctx, dbPath)
		if err != nil {
			return "", err
		}
		defer lock.Close()
		if kept, err = keepCopy(ctx, lock, dbPath, now); err != nil {
			return "", err
		}
	}
	// The old WAL must go before the new file arrives, or SQLite would
	// replay it onto the restored data.
	for _, ext := range []string{"-wal", "-shm"} {
		if err := os.Remove(dbPath + ext); err != nil && !errors.Is(err, os.ErrNotExist) {
			return kept, err
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return kept, fmt.Errorf("restore %s: %w", dbPath, err)
	}
	return kept, nil
}

// lockAlone opens the database with one connection and leaves WAL mode,
// which SQLite allows only to a database no other connection has open:
// the WAL is checkpointed into the file, and the restore knows it is alone.
func lockAlone(ctx context.Context, path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", sqliteURI(path, "_busy_timeout=2000"))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	var mode string
	err = db.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode)
	if err != nil || !strings.EqualFold(mode, "delete") {
		db.Close()
		if err == nil || strings.Contains(err.Error(), "locked") || strings.Contains(err.Error(), "busy") {
			return nil, fmt.Errorf("restore %s: %w", path, ErrInUse)
		}
		return nil, fmt.Errorf("restore %s: %w", path, err)
	}
	return db, nil
}

// keepCopy copies the database, which lock holds alone, beside itself
// under a dated name no earlier copy has.
func keepCopy(ctx context.Context, lock *sql.DB, path string, now time.Time) (string, error) {
	base := strings.TrimSuffix(path, filepath.Ext(path)) + "-before-restore-" + now.Format("2006-01-02-150405")
	for n := 1; ; n++ {
		kept := base + ".db"
		if n > 1 {
			kept = fmt.Sprintf("%s-%d.db", base, n)
		}
		// O_EXCL: an earlier copy of the same second is never replaced,
		// and the copy is 0600 from its first byte
		f, err := os.OpenFile(kept, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("keep the current database: %w", err)
		}
		f.Close()
		// VACUUM INTO fills an empty file
		if _, err := lock.ExecContext(ctx, `VACUUM INTO ?`, kept); err != nil {
			return "", fmt.Errorf("keep the current database: %w", err)
		}
		return kept, os.Chmod(kept, 0o600)
	}
}
