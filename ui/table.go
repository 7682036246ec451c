package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dataTable is a virtualised, sortable table: only the visible cells exist,
// so 100 000 rows scroll as smoothly as ten.
type dataTable struct {
	table   *widget.Table
	headers []string
	rows    func() int
	cell    func(row, col int) string
	// highlight, if set, marks rows (overdue appeals) in the error colour.
	highlight func(row int) bool
	// onSort, if set, makes the headers sort buttons.
	onSort   func(col int, asc bool)
	sortCol  int
	sortAsc  bool
	selected func(row int)
	widths   []float32 // the columns' least widths; reload widens them to their texts
}

func newDataTable(headers []string, widths []float32, rows func() int, cell func(row, col int) string) *dataTable {
	t := &dataTable{headers: headers, rows: rows, cell: cell, sortCol: -1, widths: widths}
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return t.rows(), len(t.headers) },
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(color.Transparent)
			return container.NewStack(bg, newTipLabel(t.table))
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			bg, l := box.Objects[0].(*canvas.Rectangle), box.Objects[1].(*tipLabel)
			if id.Row >= t.rows() {
				l.setText("")
				return
			}
			fill := color.Color(color.Transparent)
			if t.highlight != nil && t.highlight(id.Row) {
				c := theme.Color(theme.ColorNameError)
				r, g, b, _ := c.RGBA()
				fill = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x40}
			}
			if bg.FillColor != fill {
				bg.FillColor = fill
				bg.Refresh()
			}
			l.setText(t.cell(id.Row, id.Col))
		})
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		return b
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(t.headers) {
			return
		}
		text := t.headers[id.Col]
		if t.onSort != nil && id.Col == t.sortCol {
			if t.sortAsc {
				text += " ▲"
			} else {
				text += " ▼"
			}
		}
		b.SetText(text)
		col := id.Col
		b.OnTapped = func() {
			if t.onSort == nil {
				return
			}
			if t.sortCol == col {
				t.sortAsc = !t.sortAsc
			} else {
				t.sortCol, t.sortAsc = col, true
			}
			t.onSort(t.sortCol, t.sortAsc)
			t.table.Refresh()
		}
	}
	for i, w := range widths {
		t.table.SetColumnWidth(i, w)
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		if t.selected != nil && id.Row >= 0 && id.Row < t.rows() {
			t.selected(id.Row)
		}
	}
	return t
}

// reload redraws the table after its rows changed.
func (t *dataTable) reload() {
	t.fitColumns() // ui/table_fit.go
	t.table.UnselectAll()
	t.table.Refresh()
	t.table.ScrollToTop()
}
