//go:build linux && cgo

package data

// #include <malloc.h>
import "C"

// trimHeap returns the C heap's free pages to the system: glibc keeps
// what SQLite freed for later, so the process's resident size would not
// fall.
func trimHeap() { C.malloc_trim(0) }
