package report

import (
	"strings"
	"testing"
)

// TestWrapHoldsNonBreakingSpaces: a number and its unit joined by a
// no-break space never part at a line's end (gofpdf's SplitText parts them).
func TestWrapHoldsNonBreakingSpaces(t *testing.T) {
	d := newReportDoc("ru", "P", "")
	d.AddPage()
	d.SetFont("sans", "", 8)
	text := "Школьная форма — 1\u00a0058\u00a0комплектов; обувь — 534\u00a0пары"
	// from the width the widest unbreakable group needs (narrower, it is cut)
	from := d.GetStringWidth("1\u00a0058\u00a0комплектов;") + 2*d.GetCellMargin()
	for w := from; w <= 80; w += 2.5 {
		lines := d.wrap(text, w)
		if got := strings.Join(lines, " "); got != text {
			t.Fatalf("width %.1f: lines %q lose text", w, lines)
		}
		for _, l := range lines {
			if strings.HasPrefix(l, "058") || strings.HasPrefix(l, "комплектов") || strings.HasPrefix(l, "пары") {
				t.Fatalf("width %.1f: a number parted from its digits or unit: %q", w, lines)
			}
			if d.GetStringWidth(l) > w-2*d.GetCellMargin()+0.01 {
				t.Fatalf("width %.1f: line %q too wide", w, l)
			}
		}
	}
}
