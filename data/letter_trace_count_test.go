package data

import (
	"maps"
	"testing"
)

// TestCountReached counts distinct (sponsor, child) pairs both ways: packed
// into one number, and as pairs when an id is too large to pack (from the
// first pair, or after some packed ones). Sponsor 1 reached children 5
// and 7 (5 three times), sponsor 2 child 5, sponsor 3 two.
func TestCountReached(t *testing.T) {
	for _, tt := range []struct {
		name string
		big  int64 // sponsor 3's first child
	}{{"packed", 9}, {"too large to pack", 1 << 41}} {
		for _, first := range []bool{true, false} {
			ps := []reached{{3, tt.big}, {1, 5}, {1, 5}, {2, 5}, {1, 7}, {3, 2}, {1, 5}, {3, tt.big}}
			if !first {
				ps = append(ps[1:], ps[0])
			}
			var set reachSet
			for _, p := range ps {
				set.add(p)
			}
			got := map[int64]int{}
			set.count(func(id int64) { got[id]++ })
			if want := map[int64]int{1: 2, 2: 1, 3: 2}; !maps.Equal(got, want) {
				t.Fatalf("%s, first %v: children reached %v, want %v", tt.name, first, got, want)
			}
		}
	}
}
