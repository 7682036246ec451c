package data

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"filippo.io/age"
)

// AutoBackupPrefix starts the names of the daily copies of earlier
// versions (mektepkezhol-auto-2026-12-01.db, one folder per database):
// they are still listed and restored, never removed by keep-N, since
// their name does not say which database they hold.
const AutoBackupPrefix = "mektepkezhol-auto-"

// The ends of a daily copy's name: <database>-<date>.sqlite.gz, and
// .sqlite.gz.age when the settings encrypt the daily copies.
const (
	autoExt     = ".sqlite.gz"
	autoAgeExt  = ".sqlite.gz.age"
	autoInfoExt = ".info" // the sidecar beside each copy: autoInfo as JSON
	dateLayout  = "2006-01-02"
)

// AutoBackupOptions says where the daily copies go, how many of one
// database are kept (keep < 1 keeps 7) and, with Recipient set, for whom
// they are encrypted (age; see backup_keys.go).
type AutoBackupOptions struct {
	Dir       string
	Keep      int
	Recipient age.Recipient
}

// AutoBackupResult tells what AutoBackupWith did: wrote Path, or wrote
// nothing because today's copy exists (Today) or because nothing changed
// since the copy Same.
type AutoBackupResult struct {
	Path  string
	Today bool
	Same  string
}

// autoInfo is kept beside each daily copy (<copy>.info, 0600): the
// fingerprint of its content and what it holds, so that the next day's
// copy is skipped when nothing changed and the restore dialog shows an
// encrypted or compressed copy's counts without opening it.
type autoInfo struct {
	Fingerprint string `json:"fingerprint"`
	Sponsors    int    `json:"sponsors"`
	Children    int    `json:"children"`
	Donations   int    `json:"donations"`
	// Checked is the last day the database was found unchanged since this
	// copy: later starts that day make no snapshot again.
	Checked string `json:"checked,omitempty"`
}

// AutoBackup makes the day's automatic copy of st in dir, compressed and
// not encrypted; see AutoBackupWith. It returns the new copy's path, or ""
// when none was written.
func AutoBackup(ctx context.Context, st *Store, dir string, keep int) (string, error) {
	res, err := AutoBackupWith(ctx, st, AutoBackupOptions{Dir: dir, Keep: keep})
	return res.Path, err
}

// AutoBackupWith makes the day's automatic copy: <database>-<date>.sqlite.gz
// (.age when encrypted), unless this database has one of today or nothing
// changed since its last copy, then keeps the newest Keep copies of this
// database; another database's copies in the same folder are never
// removed. The copy is streamed (VACUUM INTO's file → gzip → age → disk),
// so memory stays small whatever the database's size.
//
// «Nothing changed» is decided by the SHA-256 of the consistent snapshot
// (VACUUM INTO, or a server's rows copied into a SQLite file), kept in the
// copy's sidecar. It is correct on both engines, whatever wrote the
// change: a different content gives different bytes. The cheaper tests
// are not: PRAGMA data_version is per connection and lost between runs,
// the header's change counter is not kept up in WAL mode, the audit log's
// last id misses the writes it does not record, and a server has neither.
// Equal content may (rarely) give different bytes; that costs one more
// copy, never a missed one. The snapshot (VACUUM INTO) is most of a copy's
// time (region demo: 11 s of 14), so a day found unchanged is noted in the
// sidecar and later starts that day make no snapshot again: as ever, the
// day's copy is the database at the day's first start, and a change made
// later that day is in the next day's copy.
func AutoBackupWith(ctx context.Context, st *Store, opt AutoBackupOptions) (AutoBackupResult, error) {
	var res AutoBackupResult
	if opt.Keep < 1 {
		opt.Keep = 7
	}
	name := BackupName(st.Path())
	today := st.Now().Format(dateLayout)
	copies := autoCopies(opt.Dir, name)
	if len(copies) > 0 {
		last := copies[len(copies)-1]
		if last.date == today {
			res.Today = true
			return res, nil
		}
		if info, err := readAutoInfo(last.path); err == nil && info.Checked == today {
			res.Same = last.path
			return res, nil
		}
	}
	if err := os.MkdirAll(opt.Dir, 0o700); err != nil {
		return res, fmt.Errorf("backup folder: %w", err)
	}
	removeStaleSnapshots(opt.Dir)
	// the plain snapshot lives in a private folder beside the copies, on
	// their disk, and is removed before this returns
	tmp, err := os.MkdirTemp(opt.Dir, snapshotPrefix) // 0700
	if err != nil {
		return res, fmt.Errorf("backup folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	plain := filepath.Join(tmp, "snapshot.sqlite")
	if err := st.copyTo(ctx, plain); err != nil { // the daily copy is not recorded
		return res, err
	}
	info, err := describeSnapshot(ctx, plain)
	if err != nil {
		return res, err
	}
	for i := len(copies) - 1; i >= 0; i-- {
		if prev, err := readAutoInfo(copies[i].path); err == nil {
			if prev.Fingerprint == info.Fingerprint {
				res.Same = copies[i].path
				prev.Checked = today
				return res, writeAutoInfo(copies[i].path, prev)
			}
			break // the newest copy whose content is known differs
		}
	}
	path := filepath.Join(opt.Dir, name+"-"+today+autoExt)
	if opt.Recipient != nil {
		path = filepath.Join(opt.Dir, name+"-"+today+autoAgeExt)
	}
	if err := writeCompressed(plain, path, opt.Recipient); err != nil {
		return res, err
	}
	res.Path = path
	if err := writeAutoInfo(path, info); err != nil {
		return res, err
	}
	return res, pruneAutoCopies(opt.Dir, name, opt.Keep)
}

// snapshotPrefix starts the private folder of a copy being made.
const snapshotPrefix = ".mektepkezhol-"

// removeStaleSnapshots removes what a copy cut short by a crash or a power
// cut left in dir a day or more ago: a plain snapshot of the database.
func removeStaleSnapshots(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), snapshotPrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > 24*time.Hour {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// autoCopy is one daily copy of a database and the date in its name.
type autoCopy struct{ path, date string }

// autoCopies lists the daily copies of the database named name in dir,
// oldest first (plain and encrypted alike). The folder is read, not
// globbed: a «[» in a Windows path is no pattern.
func autoCopies(dir, name string) []autoCopy {
	entries, _ := os.ReadDir(dir)
	var out []autoCopy
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), name+"-")
		if !ok || len(rest) < len(dateLayout) || !e.Type().IsRegular() {
			continue
		}
		date, ext := rest[:len(dateLayout)], rest[len(dateLayout):]
		if _, err := time.Parse(dateLayout, date); err != nil || (ext != autoExt && ext != autoAgeExt) {
			continue
		}
		out = append(out, autoCopy{filepath.Join(dir, e.Name()), date})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].date < out[j].date })
	return out
}

// pruneAutoCopies removes this database's oldest copies (and their
// sidecars) beyond keep.
func pruneAutoCopies(dir, name string, keep int) error {
	copies := autoCopies(dir, name)
	for len(copies) > keep {
		if err := os.Remove(copies[0].path); err != nil {
			return fmt.Errorf("remove old backup: %w", err)
		}
		os.Remove(copies[0].path + autoInfoExt)
		copies = copies[1:]
	}
	return nil
}

// AutoBackupSpace sums the sizes of the daily copies of the database at
// dbPath in dir, and counts them.
func AutoBackupSpace(dir, dbPath string) (bytes int64, n int) {
	for _, c := range autoCopies(dir, BackupName(dbPath)) {
		if fi, err := os.Stat(c.path); err == nil {
			bytes += fi.Size()
			n++
		}
	}
	return bytes, n
}

// NewestAutoBackup returns the newest daily copy of the database at dbPath
// in dir and when it was written, or "".
func NewestAutoBackup(dir, dbPath string) (string, time.Time) {
	copies := autoCopies(dir, BackupName(dbPath))
	for i := len(copies) - 1; i >= 0; i-- {
		if fi, err := os.Stat(copies[i].path); err == nil {
			return copies[i].path, fi.ModTime()
		}
	}
	return "", time.Time{}
}

// BackupName is the database's name in its daily copies' names: the file's
// name without its extension, or a server's database and schema
// («mektep_office»); a character unfit for a file name becomes «_».
func BackupName(dbPath string) string {
	name := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
	if IsServer(dbPath) {
		name = "server"
		if u, err := url.Parse(dbPath); err == nil {
			name = strings.Trim(u.Path, "/")
			if sp := u.Query().Get("search_path"); sp != "" {
				name += "_" + sp
			}
		}
	}
	clean := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, name)
	if clean == "" || strings.Trim(clean, ".") == "" {
		return "mektepkezhol"
	}
	return clean
}

// describeSnapshot hashes the plain snapshot and counts what it holds.
func describeSnapshot(ctx context.Context, plain string) (autoInfo, error) {
	var info autoInfo
	f, err := os.Open(plain)
	if err != nil {
		return info, err
	}
	h := sha256.New()
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		return info, fmt.Errorf("backup fingerprint: %w", err)
	}
	info.Fingerprint = "sha256:" + hex.EncodeToString(h.Sum(nil))
	info.Sponsors, info.Children, info.Donations, err = countPlain(ctx, plain)
	return info, err
}

func writeAutoInfo(copyPath string, info autoInfo) error {
	b, err := json.Marshal(info)
	if err != nil {
		return err
	}
	tmp := copyPath + autoInfoExt + ".part"
	os.Remove(tmp)
	if err := writeNew(tmp, append(b, '\n')); err != nil {
		return err
	}
	return os.Rename(tmp, copyPath+autoInfoExt)
}

func readAutoInfo(copyPath string) (autoInfo, error) {
	var info autoInfo
	b, err := os.ReadFile(copyPath + autoInfoExt)
	if err != nil {
		return info, err
	}
	if err := json.Unmarshal(b, &info); err != nil || info.Fingerprint == "" {
		return info, errors.New("no fingerprint")
	}
	return info, nil
}
