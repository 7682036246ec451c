package data

import "context"

// FindChildPicks returns the first n children a picker's search q finds
// (the give form, the appeal's child, the coverage case): the Children
// screen's first page, in the same alphabet (FindChildPage), cut to n in
// the store. FindChildIDs reads every match — 16 000 IDs for «Ахметов» on a
// region's file, a second — where a picker shows twenty.
func (s *Store) FindChildPicks(ctx context.Context, q string, n int) ([]Child, error) {
	p, err := s.FindChildPage(ctx, ChildFilter{Query: q}, ChildCursor{}, n)
	return p.Children, err
}
