package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrBadBackup means a file is not a sound backup of this app's database.
var ErrBadBackup = errors.New("not a sound backup")

// ErrRestoreOnServer means a backup file was to replace a server's data:
// the server's admin restores the server; a backup file goes into an empty
// office schema with `mektepkezhol-cli migrate --from FILE --to URL`.
var ErrRestoreOnServer = errors.New("a server is not replaced by a backup file: migrate the file into an empty office schema (mektepkezhol-cli migrate --from FILE --to URL)")

// Backup writes a consistent copy of the database to dest with VACUUM INTO,
// which reads one snapshot while the app keeps working. The copy holds
// children's personal data: it is created 0600. An existing dest is replaced
// only once the new copy is complete. The backup is recorded in the audit
// log (data/access.go): a copy of every child's data leaves the database.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if err := s.checkBackupDest(dest); err != nil {
		return err
	}
	if err := s.recordBackup(ctx); err != nil { // access.go
		return err
	}
	return s.copyTo(ctx, dest)
}

// copyTo writes the consistent copy to dest, recording nothing: the daily
// automatic copy stays on this computer, and a record of it would change
// the database every day, so that no day would ever be found unchanged.
func (s *Store) copyTo(ctx context.Context, dest string) error {
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return fmt.Errorf("backup folder: %w", err)
	}
	tmp := dest + ".part"
	os.Remove(tmp)
	// VACUUM INTO creates the file itself; an empty 0600 file first makes
	// sure no other user can read it even for a moment.
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	f.Close()
	if err := s.snapshot(ctx, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	return nil
}

// ErrBackupDest means a backup was to replace what is no backup: the
// database itself, its -wal or -shm file, a device or a folder.
var ErrBackupDest = errors.New("a backup may not replace it")

func (s *Store) checkBackupDest(dest string) error {
	fi, err := os.Stat(dest)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("backup %s: %w: not a regular file", dest, ErrBackupDest)
	}
	if s.dialect != sqliteDialect {
		return nil
	}
	for _, ext := range []string{"", "-wal", "-shm"} {
		if own, err := os.Stat(s.path + ext); err == nil && os.SameFile(fi, own) {
			return fmt.Errorf("backup %s: %w: the database's own file", dest, ErrBackupDest)
		}
	}
	return nil
}

// snapshot writes one consistent copy of the data into the empty file tmp:
// SQLite's VACUUM INTO, or a server's rows copied into a new SQLite file.
func (s *Store) snapshot(ctx context.Context, tmp string) error {
	if s.dialect == sqliteDialect {
		_, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmp)
		return err
	}
	os.Remove(tmp)
	file, err := Open(tmp)
	if err != nil {
		return err
	}
	if _, err := Copy(ctx, file, s, nil); err != nil {
		file.Close()
		return err
	}
	if err := s.copyMigrationTimes(ctx, file); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}

// copyMigrationTimes writes the server's migration times into the file,
// whose own migrations just ran: the copy then holds the server's record,
// and two copies of unchanged data are equal to the byte (AutoBackupWith
// skips the second).
func (s *Store) copyMigrationTimes(ctx context.Context, file *Store) error {
	rows, err := s.db.QueryContext(ctx, `SELECT version, applied_at FROM schema_migrations`)
	if err != nil {
		return err
	}
	defer rows.Close()
	type applied struct {
		version int
		at      string
	}
	var all []applied
	for rows.Next() {
		var a applied
		if err := rows.Scan(&a.version, &a.at); err != nil {
			return err
		}
		all = append(all, a)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, a := range all {
		if _, err := file.db.ExecContext(ctx, `UPDATE schema_migrations SET applied_at = ? WHERE version = ?`, a.at, a.version); err != nil {
			return err
		}
	}
	return nil
}

// CheckBackup opens a backup read-only and returns its schema version once
// SQLite's integrity check passes and the schema is one this build can open.
// A compressed backup (.gz) is checked decompressed (OpenBackup); an
// encrypted one is ErrEncryptedBackup: decrypt it with OpenBackup first.
func CheckBackup(ctx context.Context, path string) (int, error) {
	if enc, err := IsEncryptedBackup(path); err != nil {
		return 0, err
	} else if enc {
		return 0, fmt.Errorf("%s: %w", path, ErrEncryptedBackup)
	}
	plain, done, err := OpenBackup(path, BackupKeys{}) // a .gz is checked decompressed
	if err != nil {
		return 0, err
	}
	defer done()
	return checkPlain(ctx, path, plain)
}

// checkPlain checks the plain SQLite file of the backup path.
func checkPlain(ctx context.Context, path, plain string) (int, error) {
	db, err := openUntrusted(ctx, plain)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var res []string
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return 0, fmt.Errorf("%s: %w: %v", path, ErrBadBackup, err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return 0, err
		}
		res = append(res, line)
	}
	rows.Close()
	if len(res) != 1 || res[0] != "ok" {
		return 0, fmt.Errorf("%s: %w: integrity check: %s", path, ErrBadBackup, strings.Join(res, "; "))
	}
	var v int
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("%s: %w: no schema version: %v", path, ErrBadBackup, err)
	}
	if v < 1 {
		return 0, fmt.Errorf("%s: %w: empty schema", path, ErrBadBackup)
	}
	if v > SchemaVersion() {
		return v, fmt.Errorf("%s: schema %d, this app knows up to %d: %w", path, v, SchemaVersion(), ErrNewerSchema)
	}
	if err := checkSchema(ctx, plain); err != nil {
		return v, fmt.Errorf("%s: %w: %v", path, ErrBadBackup, err)
	}
	return v, nil
}

func copyFile(src, dest string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dest)
		return fmt.Errorf("copy %s: %w", src, err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(dest)
		return err
	}
	return out.Close()
}

// Keys in Settings.Extra of the automatic backup, set on the settings screen.
const (
	ExtraBackupDir  = "backup.dir"  // folder of the daily copies
	ExtraBackupKeep = "backup.keep" // how many to keep, as decimal text
)

// AutoBackupConfig returns the folder and the number of daily copies the
// settings ask for: by default a «backups» folder beside the database and
// the last 7 copies.
func AutoBackupConfig(st Settings, dbPath string) (dir string, keep int) {
	dir, keep = filepath.Join(filepath.Dir(dbPath), "backups"), 7
	if IsServer(dbPath) { // a server's URL has no folder: the user's own
		if def, err := DefaultPath(); err == nil {
			dir = filepath.Join(filepath.Dir(def), "backups")
		}
	}
	if d := strings.TrimSpace(st.Extra[ExtraBackupDir]); d != "" {
		dir = d
	}
	if n, err := strconv.Atoi(strings.TrimSpace(st.Extra[ExtraBackupKeep])); err == nil && n > 0 {
		keep = n
	}
	return dir, keep
}
