package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// FindChildIDs returns the IDs of the children matching f in list order
// (the alphabet's, by sort key). The children's screen pages on the server
// instead (FindChildPage); this suits callers that want every match.
func (s *Store) FindChildIDs(ctx context.Context, f ChildFilter) ([]int64, error) {
	where, args := f.where(s.dialect)
	rows, err := s.db.QueryContext(ctx, `SELECT c.id FROM children c`+s.searchIndex(f)+` WHERE `+where+`
		ORDER BY c.sort_key, c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find children: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// FindChildrenByIDs loads the children with the given IDs, in the order
// of ids; IDs that no longer exist are left out.
func (s *Store) FindChildrenByIDs(ctx context.Context, ids []int64) ([]Child, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+childColumns+` FROM children c WHERE c.id IN (`+
		marks(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("load children: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]Child, len(ids))
	for rows.Next() {
		c, err := scanChild(rows)
		if err != nil {
			return nil, err
		}
		byID[c.ID] = c
	}
	out := make([]Child, 0, len(ids))
	for _, id := range ids {
		if c, ok := byID[id]; ok {
			out = append(out, c)
		}
	}
	return out, rows.Err()
}

// ChildCursor is a place in the children's list: the sort key and id of
// the last child shown. The zero cursor is the list's start.
type ChildCursor struct {
	Key []byte
	ID  int64
}

// ChildPage is one page of the children's list.
type ChildPage struct {
	Children []Child
	Next     ChildCursor // after the page's last child
	More     bool        // children come after this page
}

// FindChildPage returns up to limit children matching f, in the
// alphabet's order, after the cursor (keyset paging: the server reads only
// the page, however deep, through the index children(sort_key, id)). With
// the zero cursor f.Offset rows are skipped first, for a jump into the
// list. CountChildren counts the whole list.
func (s *Store) FindChildPage(ctx context.Context, f ChildFilter, after ChildCursor, limit int) (ChildPage, error) {
	where, args := f.where(s.dialect)
	offset := f.Offset
	if after.Key == nil && offset > 0 && s.alphaCovers(f) {
		before, found, err := s.childBefore(ctx, where, args, offset)
		if err != nil || !found {
			return ChildPage{}, err // past the list's end: an empty page
		}
		if before.Key != nil { // a key not yet written: the offset serves
			after = before
		}
	}
	index := s.childIndex(f)
	if in, q, ok := s.digitsIn(f); ok {
		where, args, index = where+in, append(args, q), " NOT INDEXED"
	}
	if after.Key != nil {
		where += " AND (c.sort_key, c.id) > (?, ?)"
		args, offset = append(args, after.Key, after.ID), 0
	}
	return s.childPage(ctx, `SELECT `+childColumns+`, c.sort_key FROM children c`+index+` WHERE `+where+`
		ORDER BY c.sort_key, c.id LIMIT ? OFFSET ?`, append(args, limit+1, offset), limit)
}

// digitsMin is the shortest run of digits that digitsIn narrows: four
// digits match one child in a hundred (a page after some 10 000 entries of
// children_alpha, a few ms), six one in ten thousand.
const digitsMin = 6

// digitsIn narrows a SQLite search for digitsMin digits or more, which
// matches few children anywhere in the alphabet (children_alpha walked
// whole: 60–130 ms on a region's 300 000), to the children whose IIN holds
// them (the IIN's UNIQUE index, 12 characters an entry) and those whose
// search text holds digits elsewhere (0016's children_digits). It returns
// the condition to add to the filter's, which it keeps, and its argument;
// the set found is the same, then sorted (a few rows). The query reads
// children NOT INDEXED, by id: the planner would rather read every child
// through children_archived and test its id against the list.
func (s *Store) digitsIn(f ChildFilter) (in string, q string, ok bool) {
	q = strings.ToLower(strings.TrimSpace(f.Query))
	if !s.alphaCovers(f) || len(q) < digitsMin || strings.Trim(q, "0123456789") != "" {
		return "", "", false
	}
	return ` AND c.id IN (SELECT id FROM children WHERE instr(iin, ?) > 0
		UNION ALL SELECT id FROM children INDEXED BY children_digits
		WHERE search <> '' AND (substr(search, 1, length(search) - 12) GLOB '*[0-9]*' OR substr(search, -12) <> iin))`, q, true
}

// alphaCovers tells whether SQLite can test f along children_alpha
// alone (archived, search), without reading a child's row.
func (s *Store) alphaCovers(f ChildFilter) bool {
	return s.dialect == sqliteDialect && f.SchoolID == 0 && f.Grade == 0 && f.Category == "" && f.Helped == nil
}

// childBefore finds the child just before a jump's offset along
// children_alpha, so the page is read after it as after a cursor: an
// OFFSET on the page's own query read each skipped child's row (row
// 150,000 of a region's list: ~750 ms). found is false past the list's end.
func (s *Store) childBefore(ctx context.Context, where string, args []any, offset int) (cur ChildCursor, found bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT c.sort_key, c.id FROM children c INDEXED BY children_alpha WHERE `+where+`
		ORDER BY c.sort_key, c.id LIMIT 1 OFFSET ?`, append(slices.Clone(args), offset-1)...).Scan(&cur.Key, &cur.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return ChildCursor{}, false, nil
	}
	if err != nil {
		return ChildCursor{}, false, fmt.Errorf("find children: %w", err)
	}
	return cur, true, nil
}

// childPage reads up to limit children of a page's query, which asks for
// limit+1 rows with their sort keys: the one more tells that more follow.
func (s *Store) childPage(ctx context.Context, query string, args []any, limit int) (ChildPage, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return ChildPage{}, fmt.Errorf("find children: %w", err)
	}
	defer rows.Close()
	var page ChildPage
	for rows.Next() {
		var key []byte
		c, err := scanChild(rowWith{rows, &key})
		if err != nil {
			return page, err
		}
		if len(page.Children) == limit {
			page.More = true
			break
		}
		page.Children, page.Next = append(page.Children, c), ChildCursor{key, c.ID}
	}
	return page, rows.Err()
}

// rowWith scans a row's columns and then the extra ones.
type rowWith struct {
	rows  *sql.Rows
	extra any
}

func (r rowWith) Scan(dst ...any) error { return r.rows.Scan(append(dst, r.extra)...) }

// childIndex names the index a page of children is read through on SQLite,
// whose planner, without statistics, reads every child through
// children_archived and sorts them all (65–90 ms on the region's 60 000).
// A search walks children_alpha (sort_key, id, archived, search) in the
// alphabet's order, tests each entry without reading its row and stops at
// the page's end: a broad search after a few hundred entries, a narrow
// one after the whole index (0010); a school's list or search is left to
// the planner (children_school, a thousand rows); any other list walks
// children_alpha too, in order, and stops at the page's end (under 1 ms).
// PostgreSQL plans these well from its statistics.
func (s *Store) childIndex(f ChildFilter) string {
	switch {
	case s.dialect == postgresDialect:
		return ""
	case f.SchoolID != 0:
		return ""
	}
	return " INDEXED BY children_alpha"
}

// searchIndex is childIndex for a whole list: a search's, else the
// planner's choice (a whole list is read anyway).
func (s *Store) searchIndex(f ChildFilter) string {
	if strings.TrimSpace(f.Query) == "" {
		return ""
	}
	return s.childIndex(f)
}
