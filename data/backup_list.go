package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// BackupKind tells where a backup came from.
type BackupKind string

// The kinds of backup FindBackups knows.
const (
	BackupAuto   BackupKind = "auto"   // the day's automatic copy
	BackupManual BackupKind = "manual" // a copy the clerk made, noted in the settings
	BackupKept   BackupKind = "kept"   // the database as it was before a restore
)

// BackupInfo describes one backup file: when it was written, its size and
// how much it holds, so that the clerk picks the copy by its content.
type BackupInfo struct {
	Path  string
	Kind  BackupKind
	Taken time.Time // the file's modification time: when the copy was written
	Size  int64

	Sponsors, Children, Donations int
	// Encrypted is set for an age file; its counts are known only when
	// its sidecar (a daily copy's) says them.
	Encrypted bool
	// Err is set when the file cannot be read as a backup; its counts are 0.
	Err error
}

// ExtraManualBackups keeps, in Settings.Extra, the paths of the copies made
// by hand, newest first, one per line.
const ExtraManualBackups = "backup.manual"

// manualBackupsKept is how many hand-made copies the settings remember.
const manualBackupsKept = 20

// NoteManualBackup puts path first in the settings' list of hand-made copies.
func NoteManualBackup(st *Settings, path string) {
	list := []string{path}
	for _, p := range ManualBackups(*st) {
		if p != path && len(list) < manualBackupsKept {
			list = append(list, p)
		}
	}
	st.Extra[ExtraManualBackups] = strings.Join(list, "\n")
}

// ManualBackups returns the hand-made copies the settings remember.
func ManualBackups(st Settings) []string {
	var list []string
	for _, p := range strings.Split(st.Extra[ExtraManualBackups], "\n") {
		if p = strings.TrimSpace(p); p != "" {
			list = append(list, p)
		}
	}
	return list
}

// FindBackups lists the backups the app knows, newest first: the automatic
// copies in autoDir, the copies kept beside the database dbPath before a
// restore, and the hand-made copies manual that still exist. The database
// itself (and its -wal, -shm) is never listed. Each file is opened
// read-only to count its sponsors, children and donations.
func FindBackups(ctx context.Context, dbPath, autoDir string, manual []string) []BackupInfo {
	var found []BackupInfo
	seen := map[string]bool{}
	add := func(path string, kind BackupKind) {
		abs, err := filepath.Abs(path)
		if err != nil || seen[abs] || sameFile(abs, dbPath) {
			return
		}
		fi, err := os.Stat(abs)
		if err != nil || !fi.Mode().IsRegular() {
			return
		}
		seen[abs] = true
		b := BackupInfo{Path: abs, Kind: kind, Taken: fi.ModTime(), Size: fi.Size()}
		countBackup(ctx, &b)
		found = append(found, b)
	}
	for _, c := range autoCopies(autoDir, BackupName(dbPath)) {
		add(c.path, BackupAuto)
	}
	auto, _ := filepath.Glob(filepath.Join(autoDir, AutoBackupPrefix+"*.db"))
	for _, p := range auto {
		add(p, BackupAuto)
	}
	base := strings.TrimSuffix(dbPath, filepath.Ext(dbPath))
	kept, _ := filepath.Glob(base + "-*.db")
	for _, p := range kept {
		add(p, BackupKept)
	}
	for _, p := range manual {
		if base := filepath.Base(p); strings.HasPrefix(base, AutoBackupPrefix) ||
			strings.HasPrefix(base, BackupName(dbPath)+"-") && strings.Contains(base, autoExt) {
			add(p, BackupAuto)
		} else {
			add(p, BackupManual)
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].Taken.After(found[j].Taken) })
	return found
}

// IsLiveDatabase tells whether path is the database at dbPath itself (or
// one of its -wal, -shm files): never a backup to restore from.
func IsLiveDatabase(path, dbPath string) bool {
	for _, ext := range []string{"", "-wal", "-shm"} {
		if sameFile(path, dbPath+ext) {
			return true
		}
	}
	return false
}

func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// countBackup fills in what the backup b holds: from a daily copy's
// sidecar, else by opening it read-only (a .gz decompressed first). An
// encrypted file without a sidecar is listed with no counts.
func countBackup(ctx context.Context, b *BackupInfo) {
	enc, err := IsEncryptedBackup(b.Path)
	if err != nil {
		b.Err = err
		return
	}
	b.Encrypted = enc
	if info, err := readAutoInfo(b.Path); err == nil {
		b.Sponsors, b.Children, b.Donations = info.Sponsors, info.Children, info.Donations
		return
	}
	if enc {
		return
	}
	plain, done, err := OpenBackup(b.Path, BackupKeys{})
	if err != nil {
		b.Err = err
		return
	}
	defer done()
	b.Sponsors, b.Children, b.Donations, b.Err = countPlain(ctx, plain)
	if b.Err != nil {
		b.Err = fmt.Errorf("%s: %w", b.Path, b.Err)
	}
}

// countPlain opens a plain SQLite backup read-only and counts what it holds.
func countPlain(ctx context.Context, path string) (sponsors, children, donations int, err error) {
	db, err := sql.Open("sqlite3", sqliteURI(path, "mode=ro&_query_only=true"))
	if err != nil {
		return 0, 0, 0, err
	}
	defer db.Close()
	err = db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM sponsors),
		(SELECT COUNT(*) FROM children), (SELECT COUNT(*) FROM donations)`).Scan(&sponsors, &children, &donations)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("%w: %v", ErrBadBackup, err)
	}
	return sponsors, children, donations, nil
}
