package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// readyChild is a child of a list made ready for the transaction on the
// other core (readyChildren): its own normalised copy and, should it be
// new, its row's values and its audit JSON. Only the id is left to the
// insert.
type readyChild struct {
	c Child // normalised; birth date and sex as the list gives them
	// new is c as a new child: the birth date and sex guessed from the
	// IIN where the list has none, version 1, stamped at.
	new  Child
	at   string
	args []any  // childInsertArgs(&new, at)
	json []byte // new's audit JSON with "ID":0 (withID puts the id in)
}

// readyChunk is the next 500 children of a list, or the error of its
// first invalid child.
type readyChunk struct {
	lo       int
	children []readyChild
	err      error
}

// readyChildren normalises the list 500 children at a time on a goroutine
// of its own, ahead of the transaction's statements, and sends the chunks
// in order. The goroutine stops at the first invalid child, at the list's
// end, or when stop is closed; wait returns once it has.
func (s *Store) readyChildren(cs []Child, dryRun bool) (chunks <-chan readyChunk, stop func()) {
	out := make(chan readyChunk, 1)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(out)
		for lo := 0; lo < len(cs); lo += lookupChunk {
			ch := s.readyChunk(cs, lo, dryRun)
			select {
			case out <- ch:
			case <-quit:
				return
			}
			if ch.err != nil {
				return
			}
		}
	})
	return out, func() {
		close(quit)
		wg.Wait()
	}
}

func (s *Store) readyChunk(cs []Child, lo int, dryRun bool) readyChunk {
	part := cs[lo:min(len(cs), lo+lookupChunk)]
	ch := readyChunk{lo: lo, children: make([]readyChild, len(part))}
	for i, c := range part {
		r := &ch.children[i]
		r.c = c
		if err := r.c.validateImported(); err != nil {
			ch.err = fmt.Errorf("child %d of %d: %w", lo+i+1, len(cs), err)
			return ch
		}
		if dryRun {
			continue
		}
		r.new = r.c
		if r.new.BirthDate.IsZero() {
			r.new.BirthDate, _ = r.new.IIN.BirthDate()
		}
		if r.new.Sex == "" {
			r.new.Sex = r.new.IIN.Sex()
		}
		at, now := s.stamp()
		r.at = at
		r.new.Version, r.new.ChangedBy, r.new.ChangedAt = 1, s.actor, now
		r.args = childInsertArgs(&r.new, r.at)
		if !s.serverAudit {
			var err error
			if r.json, err = json.Marshal(&r.new); err != nil {
				ch.err = fmt.Errorf("child %d of %d: %w", lo+i+1, len(cs), err)
				return ch
			}
		}
	}
	return ch
}

// withID returns a new child's audit JSON, made with id 0, with its id:
// the same bytes as auditJSON of the child.
func withID(j []byte, c *Child) (string, error) {
	const zero = `{"ID":0,`
	if !bytes.HasPrefix(j, []byte(zero)) {
		b, err := json.Marshal(c)
		return string(b), err
	}
	var b strings.Builder // one copy: the statement binds a string
	b.Grow(len(j) + 20)
	b.WriteString(`{"ID":`)
	b.WriteString(strconv.FormatInt(c.ID, 10))
	b.Write(j[len(zero)-1:])
	return b.String(), nil
}
