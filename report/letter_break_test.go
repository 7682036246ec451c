package report

import (
	"slices"
	"testing"
)

// TestEvenLines: three words fill a first line to 94 of 100, and a long
// word then leaves the second line at 42: line by line, the paragraph
// would stretch one gap by 58. Chosen together, the breaks leave 38 and 26
// (the least sum of squares, worked out by hand over every way to break).
func TestEvenLines(t *testing.T) {
	words := []string{"a", "b", "c", "d", "e", "f", "g"}
	widths := []float64{30, 30, 30, 20, 20, 70, 10}
	got := evenLines(words, widths, 2, 100)
	if want := []string{"a b", "c d e", "f g"}; !slices.Equal(got, want) {
		t.Errorf("evenLines = %q, want %q", got, want)
	}
	if got := evenLines([]string{"alone"}, []float64{100}, 2, 100); !slices.Equal(got, []string{"alone"}) {
		t.Errorf("one word as wide as the line: %q", got)
	}
	if got := evenLines(nil, nil, 2, 100); got != nil {
		t.Errorf("no words: %q", got)
	}
}
