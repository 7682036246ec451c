package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

const (
	// fitRows is how many rows fitColumns measures: enough for the kinds,
	// schools and statuses, few enough for 100 000 rows.
	fitRows = 300
	// fitMaxWidth keeps one long name from pushing the other columns off.
	fitMaxWidth = 460
)

// fitColumns widens each column to its header and to the longest text of
// its first rows (up to fitMaxWidth), never below the width the screen
// asked for: a sponsor's kind or an appeal's status is shown whole.
func (t *dataTable) fitColumns() {
	size := theme.TextSize()
	pad := 2*theme.InnerPadding() + theme.Padding()
	arrow := fyne.MeasureText(" ▼", size, fyne.TextStyle{}).Width
	rows := min(t.rows(), fitRows)
	for col := range t.headers {
		w := max(t.widthAt(col), fyne.MeasureText(t.headers[col], size, fyne.TextStyle{}).Width+arrow+2*pad)
		for row := 0; row < rows && w < fitMaxWidth; row++ {
			w = max(w, fyne.MeasureText(t.cell(row, col), size, fyne.TextStyle{}).Width+pad)
		}
		t.table.SetColumnWidth(col, min(w, max(fitMaxWidth, t.widthAt(col))))
	}
}

// widthAt is the width the screen asked for column col, or 0.
func (t *dataTable) widthAt(col int) float32 {
	if col < len(t.widths) {
		return t.widths[col]
	}
	return 0
}
