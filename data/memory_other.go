//go:build !linux || !cgo

package data

// trimHeap does nothing: other C libraries give freed pages back to the
// system on their own.
func trimHeap() {}
