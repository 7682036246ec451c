// Package office holds the office's documents: the glue of data and report
// that both mains use (letters, public reports, press release, handover
// sheets), so the CLI and the GUI print the same files the same way.
package office

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// WriteFileAtomically writes path through a temporary file in the same
// folder, so a failed or cancelled run never leaves half a document behind.
// The file ends with perm: 0644 for aggregates, 0600 for personal data.
func WriteFileAtomically(path string, perm os.FileMode, write func(io.Writer) error) error {
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
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// FileSafe turns a sponsor's name into a file name on every system.
func FileSafe(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|«»“”'`, r) || r < ' ' {
			return -1
		}
		if r == ' ' {
			return '_'
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 60 {
		name = string(r[:60])
	}
	if name == "" {
		return "sponsor"
	}
	return name
}
