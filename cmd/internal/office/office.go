// Package office holds the office's documents: the glue of data and report
// that both mains use (letters, public reports, press release, handover
// sheets), so the CLI and the GUI print the same files the same way.
package office

import (
	"strings"

	"github.com/mektepkezhol/app/data"
)

// The documents are written as data writes its files (the GUI's exports
// too): whole or not at all, never over a database.
var (
	WriteFileAtomically = data.WriteFileAtomically
	CheckOutput         = data.CheckOutput
	ErrUnsafeOutput     = data.ErrUnsafeOutput
)

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
