package data

import (
	"context"
	"fmt"
)

// FindChildPicks returns the first n children a picker's search q finds
// (the give form, the appeal's child, the coverage case): the Children
// screen's search condition (ChildFilter.where, over the children_search
// index), in its order, cut to n in the store. FindChildIDs reads and
// sorts every match — 16 000 IDs for «Ахметов» on a region's file, a
// second — where a picker shows twenty.
func (s *Store) FindChildPicks(ctx context.Context, q string, n int) ([]Child, error) {
	where, args := ChildFilter{Query: q}.where()
	// «c.surname || ''» as in FindChildIDs: scanning the search index and
	// keeping the n first beats walking children_surname in order
	rows, err := s.db.QueryContext(ctx, `SELECT c.id FROM children c WHERE `+where+`
		ORDER BY c.surname || '', c.name, c.id LIMIT ?`, append(args, n)...)
	if err != nil {
		return nil, fmt.Errorf("find children for %q: %w", q, err)
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
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return s.FindChildrenByIDs(ctx, ids)
}
