package data

import (
	"context"
	"fmt"
)

// GroupFilter picks the children a group distribution goes to: those of
// Children (its school, grade and category; Query ignored) and, when ItemID
// is set, without those who already got that item in CampaignID.
type GroupFilter struct {
	Children   ChildFilter
	CampaignID int64
	ItemID     int64 // 0: keep those who got it
}

// FindGroup returns at most n children of the group in the alphabet's
// order and whether more match. The children who already got the item are
// left out in SQL (NOT EXISTS over the campaign's index of who got what),
// so a group of a region's whole file costs n rows read, not the file's
// children and the item's distributions brought into memory.
func (s *Store) FindGroup(ctx context.Context, g GroupFilter, n int) (kids []Child, more bool, err error) {
	f := g.Children
	f.Query, f.Limit, f.Offset = "", 0, 0
	from, category := "children c", ""
	switch {
	case f.Category != "" && f.SchoolID == 0:
		// a category's children across the file: read through the
		// category's index (0.06 s of CPU for the region's orphans of a
		// grade), not by testing each of its 300k children (1.2 s)
		// (CROSS JOIN: SQLite keeps this order of the tables)
		from = "child_categories k CROSS JOIN children c"
		category, f.Category = f.Category, ""
	case f.SchoolID == 0 && s.dialect != postgresDialect:
		// without a school, SQLite's planner reads every child of the file
		// and sorts them (1.5 s on a region's); walking the alphabet's
		// index stops after n + 1
		from += " INDEXED BY children_alpha"
	}
	where, args := f.where(s.dialect)
	if category != "" {
		where, args = where+" AND c.id = k.child_id AND k.category = ?", append(args, category)
	}
	if g.ItemID != 0 {
		where += ` AND NOT EXISTS (SELECT 1 FROM distributions d
			WHERE d.campaign_id = ? AND d.child_id = c.id AND d.item_id = ?)`
		args = append(args, g.CampaignID, g.ItemID)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+childColumns+` FROM `+from+` WHERE `+where+`
		ORDER BY c.sort_key, c.id LIMIT ?`, append(args, n+1)...)
	if err != nil {
		return nil, false, fmt.Errorf("find group: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanChild(rows)
		if err != nil {
			return nil, false, err
		}
		kids = append(kids, c)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("find group: %w", err)
	}
	if len(kids) > n {
		return kids[:n], true, nil
	}
	return kids, false, nil
}
