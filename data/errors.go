package data

import (
	"errors"
	"fmt"
)

// Sentinel errors of the store.
var (
	// ErrNotFound means the requested row does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict means the write clashes with a row already saved
	// (a duplicate IIN, BIN, registry number …).
	ErrConflict = errors.New("conflict")
	// ErrDiskFull means the disk (or the user's quota) is full; the write
	// was rolled back and nothing of it was saved.
	ErrDiskFull = errors.New("the disk is full")
	// ErrForbidden means the user's role may not do this (on a server the
	// server itself refused it too).
	ErrForbidden = errors.New("not allowed for this user's role")
)

// ValidationError says which field holds which bad value. Key is a message
// key that the UI translates (kk, ru); Row is set by importers.
type ValidationError struct {
	Field string
	Value string
	Key   string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("%s %q: %s", e.Field, e.Value, e.Key)
}

func invalid(field, value, key string) *ValidationError {
	return &ValidationError{Field: field, Value: value, Key: key}
}

// Duplicate is an item a child already got in the campaign.
type Duplicate struct {
	ChildID int64
	ItemID  int64
}

// Shortage is an item whose stock would go below zero.
type Shortage struct {
	ItemID    int64
	Available int64
	Wanted    int64
}

// DistributionConflict lists why a distribution was not saved: items given
// twice to one child, stock going below zero. Saving it again with force
// accepts both.
type DistributionConflict struct {
	Duplicates []Duplicate
	Shortages  []Shortage
}

func (e *DistributionConflict) Error() string {
	return fmt.Sprintf("%d items already given, %d items short of stock (force to save anyway)",
		len(e.Duplicates), len(e.Shortages))
}
