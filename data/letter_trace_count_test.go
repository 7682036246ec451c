package data

import (
	"maps"
	"testing"
)

// TestCountReached counts distinct (sponsor, child) pairs both ways: packed
// into one number, and as pairs when an id is too large to pack. Sponsor 1
// reached children 5 and 7 (5 twice), sponsor 2 child 5, sponsor 3 two.
func TestCountReached(t *testing.T) {
	for _, tt := range []struct {
		name string
		big  int64 // sponsor 3's first child
	}{{"packed", 9}, {"too large to pack", 1 << 41}} {
		t.Run(tt.name, func(t *testing.T) {
			ps := []reached{{3, tt.big}, {1, 5}, {2, 5}, {1, 7}, {3, 2}, {1, 5}, {3, tt.big}}
			got := map[int64]int{}
			countReached(ps, func(id int64) { got[id]++ })
			if want := map[int64]int{1: 2, 2: 1, 3: 2}; !maps.Equal(got, want) {
				t.Fatalf("children reached %v, want %v", got, want)
			}
		})
	}
}
