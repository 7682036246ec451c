package ui

import (
	"math"
	"slices"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

const (
	// fitRows is how many rows fitColumns measures: enough for the kinds,
	// schools and statuses, few enough for 100 000 rows.
	fitRows = 300
	// fitMaxWidth keeps one long name from pushing the other columns off.
	fitMaxWidth = 460
	// fitStep rounds a width up: the next page's or the next visit's
	// texts, a few pixels longer or shorter, then ask for the same width,
	// and an unchanged width does not refresh the whole table again
	// (SetColumnWidth does, on the UI goroutine, for each column).
	fitStep = 20
)

// fitColumns widens each column to its header and to the longest text of
// its first rows (up to fitMaxWidth), never below the width the screen
// asked for: a sponsor's kind or an appeal's status is shown whole.
func (t *dataTable) fitColumns() {
	if t.rows() == 0 {
		// a list emptied while its next page loads keeps its widths:
		// each changed width refreshes the whole table on the UI
		// goroutine, and narrowing to the headers only to widen again a
		// moment later cost two rounds of them per load
		return
	}
	size := theme.TextSize()
	pad := 2*theme.InnerPadding() + theme.Padding()
	arrow := fyne.MeasureText(" ▼", size, fyne.TextStyle{}).Width
	rows := min(t.rows(), fitRows)
	for col := range t.headers {
		w := max(t.widthAt(col), fyne.MeasureText(t.headers[col], size, fyne.TextStyle{}).Width+arrow+2*pad)
		for _, text := range t.longestTexts(col, rows) {
			w = max(w, fyne.MeasureText(text, size, fyne.TextStyle{}).Width+pad)
		}
		t.table.SetColumnWidth(col, min(fitStep*float32(math.Ceil(float64(w/fitStep))), max(fitMaxWidth, t.widthAt(col))))
	}
}

// fitMeasured is how many of a column's texts fitColumns measures: the
// longest in letters. Shaping a text costs about a tenth of a millisecond,
// and seven columns of 300 rows each froze the window for 0.2 s a reload.
const fitMeasured = 4

// longestTexts returns the fitMeasured texts of col with the most letters
// among the first rows, each once.
func (t *dataTable) longestTexts(col, rows int) []string {
	var top []string
	for row := 0; row < rows; row++ {
		text := t.cell(row, col)
		if slices.Contains(top, text) {
			continue
		}
		n := utf8.RuneCountInString(text)
		i := len(top)
		for i > 0 && utf8.RuneCountInString(top[i-1]) < n {
			i--
		}
		if i < fitMeasured {
			top = slices.Insert(top, i, text)
			top = top[:min(len(top), fitMeasured)]
		}
	}
	return top
}

// widthAt is the width the screen asked for column col, or 0.
func (t *dataTable) widthAt(col int) float32 {
	if col < len(t.widths) {
		return t.widths[col]
	}
	return 0
}
