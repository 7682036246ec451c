package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// WriteFileAtomically writes path through a temporary file in the same
// folder, so a failed or cancelled run never leaves half a document behind.
// The file ends with perm: 0644 for aggregates, 0600 for personal data.
// A path that is no regular file (a device, a folder) or is a database or
// one of its -wal/-shm files is refused before anything is written.
func WriteFileAtomically(path string, perm os.FileMode, write func(io.Writer) error) error {
	if err := CheckOutput(path); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*") // created 0600
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	buf := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(buf); err != nil {
		tmp.Close()
		return err
	}
	if err := buf.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	// on disk before it replaces the old file: a full disk or a power
	// cut leaves the old file whole, never an empty one
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// ErrUnsafeOutput means an output path would replace what is no document:
// a database, its -wal or -shm file, a device or a folder.
var ErrUnsafeOutput = errors.New("the output may not replace it")

// CheckOutput refuses an output path that is no regular file, or is a
// SQLite database (a report written over the office's own database once
// replaced it with a PDF) or the -wal/-shm file of one.
func CheckOutput(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return checkJournal(path)
	}
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: %w: not a regular file", path, ErrUnsafeOutput)
	}
	if isDatabase(path) {
		return fmt.Errorf("%s: %w: a database", path, ErrUnsafeOutput)
	}
	return checkJournal(path)
}

func checkJournal(path string) error {
	for _, ext := range []string{"-wal", "-shm", "-journal"} {
		if db, ok := strings.CutSuffix(path, ext); ok && isDatabase(db) {
			return fmt.Errorf("%s: %w: the %s file of database %s", path, ErrUnsafeOutput, ext, db)
		}
	}
	return nil
}

// isDatabase tells a SQLite file by its first 16 bytes.
func isDatabase(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 16)
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return bytes.Equal(head, []byte("SQLite format 3\x00"))
}
