package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// lineColumns lays out the donation form's in-kind lines and the header
// above them; one is shared by both, so the columns line up. The size,
// quantity and value columns are each as wide as its header's text (so
// no header word is broken: an equal grid broke «Количество» in two on a
// laptop) and at least as wide as a price of seven digits; the item,
// whose names are long, takes the rest.
type lineColumns struct {
	head []fyne.CanvasObject // the header's labels, set by buildUI
}

// widths are the columns' widths after the first, which takes the rest.
func (c *lineColumns) widths(n int) []float32 {
	digits := fyne.MeasureText("0000000", theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
	w := make([]float32, n)
	for i := 1; i < n; i++ {
		w[i] = digits
		if i < len(c.head) {
			w[i] = max(w[i], c.head[i].MinSize().Width)
		}
	}
	return w
}

func (c *lineColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := c.widths(len(objs))
	var width, height float32
	for i, o := range objs {
		m := o.MinSize()
		width += max(w[i], m.Width)
		height = max(height, m.Height)
	}
	return fyne.NewSize(width+theme.Padding()*float32(len(objs)-1), height)
}

func (c *lineColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	w := c.widths(len(objs))
	pad := theme.Padding()
	w[0] = size.Width - pad*float32(len(objs)-1)
	for _, x := range w[1:] {
		w[0] -= x
	}
	w[0] = max(w[0], 0)
	x := float32(0)
	for i, o := range objs {
		o.Resize(fyne.NewSize(w[i], size.Height))
		o.Move(fyne.NewPos(x, 0))
		x += w[i] + pad
	}
}
